package org.paperboy.jobs;

/** Told of each run of a scheduled job on this node, so that /metrics can count runs and failures. */
@FunctionalInterface
public interface JobRuns {
    JobRuns NONE = (job, succeeded) -> { };

    void ran(String job, boolean succeeded);
}
