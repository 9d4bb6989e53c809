package org.paperboy.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.paperboy.store.JobStateRepository;

/**
 * A named lease in {@code job_state} (its next_run is the lease's end), so that of several nodes
 * on one database one at a time does the work. Taking it is a compare-and-set on the end this
 * node read; a node that dies holding it holds it until that end, then any node may take it.
 */
public final class Lease {
    private final JobStateRepository jobs;
    private final Clock clock;

    public Lease(JobStateRepository jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Takes the lease until now + {@code length} if it is free (never taken, released or run out);
     * returns its end, empty when another node holds it or took it first. A periodic job takes it
     * for its period and never releases it: the end is then its next run.
     */
    public Optional<Instant> tryTake(String name, Duration length) {
        Instant now = clock.instant();
        Instant held = jobs.load(name).nextRun();
        if (held != null && now.isBefore(held)) return Optional.empty();
        Instant until = now.plus(length);
        return jobs.claim(name, held, until) ? Optional.of(until) : Optional.empty();
    }

    /** Gives the lease back early, unless it ran out meanwhile and another node took it. */
    public void release(String name, Instant until) {
        jobs.claim(name, until, clock.instant());
    }

    /** Holds the lease longer (a job told to wait past its period); false when it ran out and another node took it. */
    public boolean extend(String name, Instant until, Instant later) {
        return jobs.claim(name, until, later);
    }
}
