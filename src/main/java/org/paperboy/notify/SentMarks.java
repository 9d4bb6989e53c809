package org.paperboy.notify;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that the SMTP server accepted a mail. That mark is the only thing that keeps the row
 * from going out again after its claim lease, so a database that is restarting at that moment
 * (a failover, a restart) is waited for instead of giving up: while this sender holds the claim no
 * other sender can take the row, and it stops trying well inside the lease.
 */
final class SentMarks {
    private static final Logger LOG = LoggerFactory.getLogger(SentMarks.class);
    /** Half the claim lease: after that another sender could take the row, and the mail would go out twice anyway. */
    static final Duration GIVE_UP = OutboxSender.CLAIM_LEASE.dividedBy(2);
    private static final long FIRST_WAIT_MILLIS = 250;
    private static final long MAX_WAIT_MILLIS = 5_000;

    private SentMarks() {}

    static void record(Runnable mark, String what) {
        record(mark, what, GIVE_UP);
    }

    /** Runs {@code mark} until it succeeds, waiting between tries; rethrows its failure after {@code giveUp}. */
    static void record(Runnable mark, String what, Duration giveUp) {
        long end = System.nanoTime() + giveUp.toNanos();
        for (long wait = FIRST_WAIT_MILLIS; ; wait = Math.min(wait * 2, MAX_WAIT_MILLIS)) {
            try {
                mark.run();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() + wait * 1_000_000 > end) throw e;
                LOG.warn("{} was sent, but the database did not record it ({}); trying again in {} ms", what, e.getMessage(), wait);
                sleep(wait, e);
            }
        }
    }

    private static void sleep(long millis, RuntimeException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause; // stopping: the row stays claimed and comes back after the lease
        }
    }
}
