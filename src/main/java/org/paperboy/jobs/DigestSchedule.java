package org.paperboy.jobs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.paperboy.notify.DigestPeriod;
import org.paperboy.notify.Frequency;

/**
 * When digests are due, as pure functions of the clock: a slot is a local date at the configured
 * local time (DST handled by {@link ZonedDateTime}). The job remembers the last slot it handled, so
 * a slot missed while the server was down is handled once when it comes back, and only the latest
 * missed slot (no burst of stale digests after a long outage).
 */
public record DigestSchedule(LocalTime at, DayOfWeek weeklyDay, ZoneId zone) {
    /** A daily digest of a listing day older than this at its slot is stale (harvest stopped); skip it. */
    public static final int MAX_DAILY_AGE_DAYS = 4;

    public Instant slotInstant(LocalDate day) {
        return ZonedDateTime.of(day, at, zone).toInstant();
    }

    /** The date of the latest slot at or before {@code now}. */
    public LocalDate latestSlot(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return now.isBefore(slotInstant(today)) ? today.minusDays(1) : today;
    }

    public Instant nextSlotAfter(Instant now) {
        return slotInstant(latestSlot(now).plusDays(1));
    }

    /** The latest weekly slot date at or before {@code slot}: the weekly digest covers the week before it. */
    public LocalDate latestWeeklySlot(LocalDate slot) {
        return slot.with(TemporalAdjusters.previousOrSame(weeklyDay));
    }

    /**
     * The period the digest of this frequency at the latest slot covers: the newest listed day
     * (unless it is stale: harvests stopped), or the week before the latest weekly slot. The job
     * sends these and the admin preview shows them, so the two cannot disagree.
     */
    public Optional<DigestPeriod> nextPeriod(Frequency f, Instant now, Optional<LocalDate> latestDay) {
        LocalDate slot = latestSlot(now);
        if (f == Frequency.WEEKLY) return Optional.of(DigestPeriod.weekly(latestWeeklySlot(slot).minusWeeks(1)));
        return latestDay.filter(d -> !d.isBefore(slot.minusDays(MAX_DAILY_AGE_DAYS))).map(DigestPeriod::daily);
    }

    /** True when a slot still has to be handled, given the last one handled (null: none yet). */
    public static boolean due(LocalDate slot, LocalDate lastHandled) {
        return lastHandled == null || lastHandled.isBefore(slot);
    }
}
