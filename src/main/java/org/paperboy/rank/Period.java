package org.paperboy.rank;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretch of listing dates a listing covers: one day ({@code 2026-11-23}), one ISO week
 * ({@code 2026-W48}, Monday to Sunday) or one month ({@code 2026-11}). Parsing is strict so that a
 * typo is a clear 400 rather than a surprising page.
 */
public sealed interface Period {

    /** The earliest and latest year accepted; arXiv began in 1991. */
    int MIN_YEAR = 1991;
    int MAX_YEAR = 2999;

    LocalDate from();

    LocalDate to();

    Period previous();

    Period next();

    /** The canonical text form, as written in URLs. */
    String key();

    /** How a person reads it, e.g. "Mon 23 Nov 2026", "Week 48, 2026 (23–29 Nov)", "November 2026". */
    String label();

    Kind kind();

    enum Kind { DAY, WEEK, MONTH }

    default boolean contains(LocalDate d) {
        return !d.isBefore(from()) && !d.isAfter(to());
    }

    record Day(LocalDate date) implements Period {
        private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

        public LocalDate from() { return date; }
        public LocalDate to() { return date; }
        public Period previous() { return new Day(date.minusDays(1)); }
        public Period next() { return new Day(date.plusDays(1)); }
        public String key() { return date.toString(); }
        public String label() { return LABEL.format(date); }
        public Kind kind() { return Kind.DAY; }
    }

    record Week(int year, int week) implements Period {
        private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

        public Week {
            int weeks = weeksIn(year);
            if (week < 1 || week > weeks) {
                throw new PeriodException("week " + week + " does not exist in " + year + " (it has " + weeks + " ISO weeks)");
            }
        }

        public static Week containing(LocalDate d) {
            return new Week(d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        public LocalDate from() {
            // 4 January is always in ISO week 1
            return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        }

        public LocalDate to() { return from().plusDays(6); }
        public Period previous() { return containing(from().minusDays(7)); }
        public Period next() { return containing(from().plusDays(7)); }
        public String key() { return String.format(Locale.ROOT, "%04d-W%02d", year, week); }
        public String label() { return "Week " + week + ", " + year + " (" + SHORT.format(from()) + " – " + SHORT.format(to()) + ")"; }
        public Kind kind() { return Kind.WEEK; }

        static int weeksIn(int year) {
            return (int) LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }
    }

    record Month(YearMonth month) implements Period {
        public LocalDate from() { return month.atDay(1); }
        public LocalDate to() { return month.atEndOfMonth(); }
        public Period previous() { return new Month(month.minusMonths(1)); }
        public Period next() { return new Month(month.plusMonths(1)); }
        public String key() { return month.toString(); }
        public String label() { return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear(); }
        public Kind kind() { return Kind.MONTH; }
    }

    Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    static Day day(String text) {
        Matcher m = match(DAY, text, "a date as YYYY-MM-DD, e.g. 2026-11-23");
        int year = year(m.group(1), text);
        try {
            return new Day(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            throw new PeriodException("'" + clip(text) + "' is not a date on the calendar");
        }
    }

    static Week week(String text) {
        Matcher m = match(WEEK, text, "an ISO week as YYYY-Www, e.g. 2026-W48");
        return new Week(year(m.group(1), text), Integer.parseInt(m.group(2)));
    }

    static Month month(String text) {
        Matcher m = match(MONTH, text, "a month as YYYY-MM, e.g. 2026-11");
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) throw new PeriodException("'" + clip(text) + "' has no month " + month);
        return new Month(YearMonth.of(year(m.group(1), text), month));
    }

    /** Any of the three forms, told apart by their shape. */
    static Period parse(String text) {
        String s = text == null ? "" : text.strip();
        if (WEEK.matcher(s).matches()) return week(s);
        if (MONTH.matcher(s).matches()) return month(s);
        if (DAY.matcher(s).matches()) return day(s);
        throw new PeriodException("expected a day (2026-11-23), an ISO week (2026-W48) or a month (2026-11), got '" + clip(s) + "'");
    }

    /** Number of days covered, inclusive. */
    default long days() {
        return ChronoUnit.DAYS.between(from(), to()) + 1;
    }

    private static Matcher match(Pattern p, String text, String expected) {
        String s = text == null ? "" : text.strip();
        Matcher m = p.matcher(s);
        if (!m.matches()) throw new PeriodException("expected " + expected + ", got '" + clip(s) + "'");
        return m;
    }

    private static int year(String digits, String text) {
        int y = Integer.parseInt(digits);
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new PeriodException("'" + clip(text) + "' is out of range: years " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return y;
    }

    /** Echoed input is cut short so an error message never carries a huge query string back. */
    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
