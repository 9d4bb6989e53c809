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
 * expired sessions and mail links on the way. With a {@link Lease} (serve) it runs once per
 * interval across all the nodes on the database: each node looks every {@link #TICK} (or every
 * interval, if shorter), and the one that takes the lease for the interval runs it.
 */
public final class TrendingJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrendingJob.class);

    private final TrendingScores scores;
    private final Accounts accounts;
    public static final String NAME = "trending";
    static final Duration TICK = Duration.ofSeconds(30);

    private final Duration interval;
    private final Lease lease;
    private final JobRuns runs;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trending");
        t.setDaemon(true);
        return t;
    });

    /** Runs on this node every interval, whatever other nodes do (one node, tests). */
    public TrendingJob(TrendingScores scores, Accounts accounts, Duration interval) {
        this(scores, accounts, interval, null);
    }

    /** @param lease taken for one interval per run, so the nodes on one database run it once per interval */
    public TrendingJob(TrendingScores scores, Accounts accounts, Duration interval, Lease lease) {
        this(scores, accounts, interval, lease, JobRuns.NONE);
    }

    /** @param runs told of each run on this node (the /metrics counters) */
    public TrendingJob(TrendingScores scores, Accounts accounts, Duration interval, Lease lease, JobRuns runs) {
        this.scores = scores;
        this.accounts = accounts;
        this.interval = interval;
        this.lease = lease;
        this.runs = runs;
    }

    public void start() {
        if (lease == null) {
            executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        long tick = Math.min(TICK.toMillis(), interval.toMillis());
        executor.scheduleWithFixedDelay(this::tick, 0, tick, TimeUnit.MILLISECONDS);
    }

    /** Runs if this node takes this interval's lease; true when it ran. */
    boolean tick() {
        try {
            if (lease.tryTake(NAME, interval).isEmpty()) return false;
        } catch (RuntimeException e) {
            LOG.warn("job=trending cannot read its lease: {}", e.toString());
            return false;
        }
        runOnce();
        return true;
    }

    void runOnce() {
        try {
            long t0 = System.nanoTime();
            int n = scores.recompute();
            int purged = accounts.purgeExpired();
            LOG.info("job=trending scored {} papers in {} ms; {} expired sessions and links removed", n,
                    (System.nanoTime() - t0) / 1_000_000, purged);
            runs.ran(NAME, true);
        } catch (RuntimeException e) {
            // keep the schedule: the next run retries
            LOG.warn("job=trending failed: {}", e.toString());
            runs.ran(NAME, false);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
