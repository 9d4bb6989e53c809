package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.paperboy.config.Settings;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(nanos::get);

    @Test
    void aBucketAllowsItsCapacityThenSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) assertEquals(0, limiter.acquire("k", 3, Duration.ofMinutes(1)));
        assertEquals(20, limiter.acquire("k", 3, Duration.ofMinutes(1)), "one token comes back every 20 s");
        assertEquals(0, limiter.acquire("other", 3, Duration.ofMinutes(1)), "keys are independent");
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        assertEquals(0, limiter.acquire("k", 3, Duration.ofMinutes(1)));
        assertEquals(20, limiter.acquire("k", 3, Duration.ofMinutes(1)));
    }

    @Test
    void sweepingIdleBucketsKeepsTheOnesThatAreStillDrained() {
        for (int i = 0; i < 2; i++) limiter.acquire("drained", 2, Duration.ofHours(1));
        for (int i = 0; i < 50_001; i++) limiter.acquire("idle" + i, 100, Duration.ofSeconds(1));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        limiter.acquire("trigger", 100, Duration.ofSeconds(1)); // sweeps: the idle buckets are full again
        assertEquals(1798, limiter.acquire("drained", 2, Duration.ofHours(1)), "still empty after the sweep (a reset bucket would allow it)");
    }

    @Test
    void youngAccountsGetAQuarterOfTheLimitAndOffMeansOff() {
        Settings.Community on = Settings.defaults().community();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
        RateLimits limits = new RateLimits(on, limiter, clock);
        User young = new User(1, "young", "y@example.org", false, 0L, null, clock.millis() - Duration.ofHours(1).toMillis(), false);
        User old = new User(2, "old", "o@example.org", false, 0L, null, clock.millis() - Duration.ofDays(30).toMillis(), false);
        int allowed = 0;
        try {
            for (int i = 0; i < 100; i++, allowed++) limits.vote("10.0.0.1", young);
        } catch (RateLimitedException e) {
            // expected
        }
        assertEquals(on.vote().count() / 4, allowed);
        for (int i = 0; i < on.vote().count(); i++) limits.vote("10.0.0.2", old);
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> limits.vote("10.0.0.2", old));
        assertEquals(1, e.retryAfterSeconds());
        RateLimits off = new RateLimits(Settings.load(Map.of("rate-limits", "off"), Map.of()).community(), limiter, clock);
        for (int i = 0; i < 1000; i++) off.vote("10.0.0.3", young);
    }
}
