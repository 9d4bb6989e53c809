package org.paperboy.store;

import java.time.Instant;

/**
 * A job's persisted state: an opaque cursor (JSON the job understands), when it should next run,
 * consecutive failed attempts and the last error. Null fields are unknown or unset.
 */
public record JobState(String name, String cursor, Instant nextRun, int attempts, String lastError, Instant updatedAt) {

    public static JobState fresh(String name) {
        return new JobState(name, null, null, 0, null, null);
    }

    public JobState withCursor(String newCursor) {
        return new JobState(name, newCursor, nextRun, attempts, lastError, updatedAt);
    }

    public JobState succeeded(Instant next) {
        return new JobState(name, cursor, next, 0, null, updatedAt);
    }

    public JobState failed(String error, Instant retryAt) {
        return new JobState(name, cursor, retryAt, attempts + 1, error, updatedAt);
    }
}
