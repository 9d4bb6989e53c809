package org.paperboy.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The "sent" mark of a mail survives a database that is away for a moment, and gives up inside the claim lease. */
class SentMarksTest {
    @Test
    void aMarkRefusedWhileTheDatabaseRestartsIsTriedAgainUntilItHolds() {
        AtomicInteger tries = new AtomicInteger();
        SentMarks.record(() -> {
            if (tries.incrementAndGet() < 3) throw new IllegalStateException("Connection refused");
        }, "outbox 1", Duration.ofSeconds(30));
        assertEquals(3, tries.get());
    }

    @Test
    void aDatabaseGoneForLongerThanTheLimitFailsTheMark() {
        AtomicInteger tries = new AtomicInteger();
        long t0 = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SentMarks.record(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("Connection refused");
        }, "outbox 2", Duration.ofMillis(600)));
        assertEquals("Connection refused", e.getMessage());
        assertTrue(tries.get() >= 2, "tried again before giving up");
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void theLimitIsInsideTheClaimLease() {
        assertTrue(SentMarks.GIVE_UP.compareTo(OutboxSender.CLAIM_LEASE) < 0);
    }
}
