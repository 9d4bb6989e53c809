package org.paperboy.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.paperboy.notify.DigestComposer;
import org.paperboy.notify.DigestPeriod;
import org.paperboy.notify.Frequency;
import org.paperboy.notify.DigestRunRepository;
import org.paperboy.notify.OutboxSender;
import org.paperboy.store.JobState;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes the daily digest (of the latest listing day) and, on the weekly day, the weekly one (of
 * the previous ISO week) at the configured local time, then wakes the sender. The last slot handled
 * is kept in job_state; composing is idempotent per digest key, so a crash before that is saved, or
 * a second node doing the same, sends nobody anything twice.
 */
public final class DigestJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);
    public static final String NAME = "digest";
    static final long TICK_SECONDS = 60;
    /** Held while one node composes a slot's digests, so the others do not compose the same at once. */
    static final String LEASE_NAME = "digest-lease";
    static final Duration LEASE = Duration.ofMinutes(10);

    private final DigestSchedule schedule;
    private final PaperRepository papers;
    private final DigestRunRepository runs;
    private final DigestComposer composer;
    private final OutboxSender sender;
    private final JobStateRepository jobs;
    private final Clock clock;
    private final Lease lease;
    private final JobRuns jobRuns;
    private ScheduledExecutorService timer;

    public DigestJob(DigestSchedule schedule, PaperRepository papers, DigestRunRepository runs, DigestComposer composer,
                     OutboxSender sender, JobStateRepository jobs, Clock clock) {
        this(schedule, papers, runs, composer, sender, jobs, clock, JobRuns.NONE);
    }

    /** @param jobRuns told of each slot this node handles, and of each failed tick (the /metrics counters) */
    public DigestJob(DigestSchedule schedule, PaperRepository papers, DigestRunRepository runs, DigestComposer composer,
                     OutboxSender sender, JobStateRepository jobs, Clock clock, JobRuns jobRuns) {
        this.jobRuns = jobRuns;
        this.schedule = schedule;
        this.papers = papers;
        this.runs = runs;
        this.composer = composer;
        this.sender = sender;
        this.jobs = jobs;
        this.clock = clock;
        this.lease = new Lease(jobs, clock);
    }

    /** Handles the latest slot if it has not been handled; returns the digests composed (none for periods without papers). */
    public List<DigestComposer.Result> tick() {
        Instant now = clock.instant();
        LocalDate slot = schedule.latestSlot(now);
        if (!DigestSchedule.due(slot, lastHandled(jobs.load(NAME)))) return List.of();
        Optional<Instant> held = lease.tryTake(LEASE_NAME, LEASE);
        if (held.isEmpty()) return List.of(); // another node is composing
        try {
            JobState state = jobs.load(NAME); // read again: the node that held the lease may have handled the slot
            if (!DigestSchedule.due(slot, lastHandled(state))) return List.of();
            return handle(slot, state, now);
        } finally {
            lease.release(LEASE_NAME, held.get());
        }
    }

    private List<DigestComposer.Result> handle(LocalDate slot, JobState state, Instant now) {
        List<DigestComposer.Result> done = new ArrayList<>();
        for (Frequency f : Frequency.values()) {
            schedule.nextPeriod(f, now, papers.latestDay()).filter(this::notComposed).ifPresent(p -> done.add(composer.compose(p, false)));
        }
        done.removeIf(DigestComposer.Result::empty);
        jobs.save(state.withCursor("{\"lastSlot\":\"" + slot + "\"}").succeeded(schedule.nextSlotAfter(now)));
        LOG.info("digest slot {} handled: {}", slot, done.stream().map(r -> r.period().key() + "=" + r.queued()).toList());
        sender.wake();
        jobRuns.ran(NAME, true);
        return done;
    }

    private boolean notComposed(DigestPeriod p) {
        return runs.findByKey(p.key()).map(r -> !r.composed()).orElse(true);
    }

    static LocalDate lastHandled(JobState state) {
        if (state.cursor() == null) return null;
        var m = Pattern.compile("\"lastSlot\":\"(\\d{4}-\\d{2}-\\d{2})\"").matcher(state.cursor());
        return m.find() ? LocalDate.parse(m.group(1)) : null;
    }

    /** Ticks now (catching up a missed slot) and then every minute. */
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("digest-job").daemon().factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.error("digest job failed; trying again in {}s: {}", TICK_SECONDS, e.toString());
                jobRuns.ran(NAME, false);
            }
        }, 0, TICK_SECONDS, TimeUnit.SECONDS);
        LOG.info("digests go out daily at {} ({}), weekly on {}", schedule.at(), schedule.zone(), schedule.weeklyDay());
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
