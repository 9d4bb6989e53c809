package org.paperboy.notify;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** What a digest covers: a listing day ({@code daily:2026-11-23}) or an ISO week ({@code weekly:2026-W47}). */
public record DigestPeriod(String key, Frequency frequency, LocalDate from, LocalDate to) {

    public static DigestPeriod daily(LocalDate day) {
        return new DigestPeriod("daily:" + day, Frequency.DAILY, day, day);
    }

    /** The ISO week (Monday to Sunday) holding {@code anyDay}. */
    public static DigestPeriod weekly(LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new DigestPeriod("weekly:" + isoWeek(monday), Frequency.WEEKLY, monday, monday.plusDays(6));
    }

    static String isoWeek(LocalDate d) {
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** "Monday, 23 November 2026" or "week 2026-W47 (16–22 November 2026)", for subjects and headings. */
    public String label() {
        if (frequency == Frequency.DAILY) return from.format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH));
        return "week " + isoWeek(from) + " (" + from.format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)) + " – "
                + to.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)) + ")";
    }
}
