package org.paperboy.jobs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.paperboy.ingest.CategoryHarvest;
import org.paperboy.ingest.OaiHarvester;
import org.paperboy.store.JobState;
import org.paperboy.store.JobStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled harvest of {@code serve}: on a virtual thread, so start-up never waits for arXiv.
 * Its schedule (next run, failed attempts, last error) lives in job_state under {@value #NAME},
 * so a restart keeps the rhythm. A failure (network down, arXiv refusing) is logged as one line
 * and retried after a backoff that doubles up to the harvest interval. Nodes sharing a database
 * take turns: a node claims a due run by moving its next run {@link #LEASE} ahead, so the others
 * wait, and a node that dies mid-harvest holds the run no longer than that.
 */
public final class HarvestJob implements AutoCloseable {
    public static final String NAME = "harvest-schedule";
    private static final Logger LOG = LoggerFactory.getLogger(HarvestJob.class);
    public static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    /** Lets the server settle (and short-lived test servers finish) before the first request to arXiv. */
    public static final Duration START_DELAY = Duration.ofSeconds(30);
    /** How long a claimed run stays this node's (never longer than the interval). */
    public static final Duration LEASE = Duration.ofHours(1);

    private final CategoryHarvest harvest;
    private final JobStateRepository jobs;
    private final URI endpoint;
    private final List<String> categories;
    private final Duration interval;
    private final Duration startDelay;
    private final Duration firstRetry;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private JobRuns runs = JobRuns.NONE;
    private Thread thread;

    public HarvestJob(CategoryHarvest harvest, JobStateRepository jobs, URI endpoint, List<String> categories,
                      Duration interval, Duration startDelay, Duration firstRetry, Clock clock) {
        this.harvest = harvest;
        this.jobs = jobs;
        this.endpoint = endpoint;
        this.categories = List.copyOf(categories);
        this.interval = interval;
        this.startDelay = startDelay;
        this.firstRetry = firstRetry;
        this.clock = clock;
    }

    /** Counts this node's runs and failures (the /metrics counters); call before {@link #start()}. */
    public HarvestJob countingRuns(JobRuns r) {
        this.runs = r;
        return this;
    }

    public synchronized void start() {
        if (thread != null) return;
        thread = Thread.ofVirtual().name("harvest-job").start(this::loop);
        LOG.info("scheduled harvest of {} every {} from {}", String.join(" ", categories), interval, endpoint);
    }

    private void loop() {
        Instant earliest = clock.instant().plus(startDelay);
        try {
            while (stop.getCount() > 0) {
                try {
                    earliest = waitClaimAndRun(earliest);
                } catch (RuntimeException e) {
                    // the database itself failed (restarting, locked): the schedule cannot even be read, so wait and read again
                    LOG.warn("scheduled harvest: {}; trying again in {}", e.getMessage(), firstRetry);
                    if (stop.await(firstRetry.toMillis(), TimeUnit.MILLISECONDS)) return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the next run, runs it if this node claims it; returns the earliest time for the next. */
    private Instant waitClaimAndRun(Instant earliest) throws InterruptedException {
        Instant seen = jobs.load(NAME).nextRun();
        Instant due = seen == null || seen.isBefore(earliest) ? earliest : seen;
        long waitMs = Duration.between(clock.instant(), due).toMillis();
        if (waitMs > 0 && stop.await(waitMs, TimeUnit.MILLISECONDS)) return earliest;
        Duration lease = LEASE.compareTo(interval) < 0 ? LEASE : interval;
        Instant until = clock.instant().plus(lease);
        if (!jobs.claim(NAME, seen, until)) return earliest; // another node runs it
        try {
            runOnce();
        } finally {
            if (stop.getCount() == 0) handBack(until);
        }
        return clock.instant();
    }

    /**
     * Stopped mid-run (SIGTERM): the run's next time goes back to now, so another node takes it at
     * once instead of after the lease. A compare-and-set: a run that finished and saved its next
     * time keeps it.
     */
    private void handBack(Instant until) {
        boolean interrupted = Thread.interrupted(); // the pool refuses an interrupted thread a connection
        try {
            if (jobs.claim(NAME, until, clock.instant())) LOG.info("harvest stopped mid-run; handed to the other nodes");
        } catch (RuntimeException e) {
            LOG.warn("harvest stopped mid-run; its lease runs out at {}: {}", until, e.getMessage());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** One harvest of every wanted category; records the outcome and the next run in job_state. */
    void runOnce() throws InterruptedException {
        Instant started = clock.instant();
        try {
            List<OaiHarvester.Result> results = harvest.categories(endpoint, categories, null, null, "arXiv", OaiHarvester.Listener.NONE);
            int added = results.stream().mapToInt(r -> r.summary().inserted()).sum();
            int updated = results.stream().mapToInt(r -> r.summary().updated()).sum();
            int withdrawn = results.stream().mapToInt(r -> r.summary().withdrawn()).sum();
            Instant next = started.plus(interval);
            jobs.save(jobs.load(NAME).succeeded(next));
            LOG.info("harvest done: {} new, {} updated, {} withdrawn by arXiv; next at {}", added, updated, withdrawn, next);
            runs.ran(NAME, true);
        } catch (RuntimeException e) {
            JobState s = jobs.load(NAME);
            Duration wait = retryAfter(s.attempts());
            Instant retry = clock.instant().plus(wait);
            jobs.save(s.failed(e.getMessage(), retry));
            // one line, no stack trace: an offline laptop is normal, not an incident
            LOG.warn("harvest failed: {}; next try at {}", e.getMessage(), retry);
            runs.ran(NAME, false);
        }
    }

    /** 5 min, 10, 20 ... never longer than the interval. */
    Duration retryAfter(int previousAttempts) {
        Duration d = firstRetry.multipliedBy(1L << Math.min(previousAttempts, 16));
        return d.compareTo(interval) > 0 ? interval : d;
    }

    @Override
    public synchronized void close() {
        stop.countDown();
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
