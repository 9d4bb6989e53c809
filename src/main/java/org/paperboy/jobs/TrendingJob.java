package org.paperboy.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.paperboy.community.Accounts;
import org.paperboy.community.TrendingScores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes trending scores at start and then every interval, on one daemon thread, and clears
 * expired sessions and mail links on the way. Running it on several nodes at once is harmless:
 * both are idempotent.
 */
public final class TrendingJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrendingJob.class);

    private final TrendingScores scores;
    private final Accounts accounts;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trending");
        t.setDaemon(true);
        return t;
    });

    public TrendingJob(TrendingScores scores, Accounts accounts, Duration interval) {
        this.scores = scores;
        this.accounts = accounts;
        this.interval = interval;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            long t0 = System.nanoTime();
            int n = scores.recompute();
            int purged = accounts.purgeExpired();
            LOG.info("job=trending scored {} papers in {} ms; {} expired sessions and links removed", n,
                    (System.nanoTime() - t0) / 1_000_000, purged);
        } catch (RuntimeException e) {
            // keep the schedule: the next run retries
            LOG.warn("job=trending failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
