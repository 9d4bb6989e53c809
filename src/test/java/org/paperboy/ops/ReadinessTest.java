package org.paperboy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-12-06T12:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private final AtomicLong behind = new AtomicLong();
    private final AtomicBoolean database = new AtomicBoolean(true);
    private final IndexLag lag = new IndexLag(behind::get, clock);
    private final Readiness readiness = new Readiness(database::get, lag);

    @Test
    void readyUntilTheIndexFallsFarBehindOrTheDatabaseGoesOrTheNodeDrains() {
        assertEquals(Optional.empty(), readiness.notReadyBecause());
        behind.set(Readiness.MAX_BEHIND_CHANGES);
        assertEquals(Optional.empty(), readiness.notReadyBecause(), "a thousand changes behind is still close");
        behind.set(Readiness.MAX_BEHIND_CHANGES + 1);
        assertEquals(Optional.of("search index 1001 changes behind"), readiness.notReadyBecause());

        behind.set(3);
        now.addAndGet(30_000);
        assertEquals(30.0, lag.seconds());
        assertEquals(Optional.empty(), readiness.notReadyBecause(), "a few changes, half a minute: following");
        now.addAndGet(31_000);
        assertEquals(Optional.of("search index not caught up for 61 s"), readiness.notReadyBecause());
        behind.set(0);
        assertEquals(0.0, lag.seconds());
        behind.set(2);
        now.addAndGet(1_500);
        assertEquals(1.5, lag.seconds(), "counted from the last time it was caught up");
        assertEquals(Optional.empty(), readiness.notReadyBecause());

        database.set(false);
        assertEquals(Optional.of("database unreachable or its schema changed"), readiness.notReadyBecause());
        database.set(true);
        Readiness hanging = new Readiness(() -> {
            try {
                Thread.sleep(30_000); // the pool waiting for a connection to a database that is down
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }, lag);
        long t0 = System.nanoTime();
        assertEquals(Optional.of("database did not answer within 1000 ms"), hanging.notReadyBecause());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "answered long before the pool's 30 s");
        readiness.drain();
        assertEquals(Optional.of("draining for shutdown"), readiness.notReadyBecause());
    }
}
