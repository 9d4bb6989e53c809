package org.paperboy.ops;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether this node should get traffic: the database answers, its index is close behind, and it is
 * not draining for a shutdown. {@code /healthz} says the process lives; this says it can serve.
 */
public final class Readiness {
    /** An index this many changes behind serves visibly stale pages and searches. */
    public static final long MAX_BEHIND_CHANGES = 1_000;
    /** ... or one that has not caught up for this long (the follower runs every second). */
    public static final double MAX_BEHIND_SECONDS = 60;

    private final BooleanSupplier database;
    private final IndexLag lag;
    private volatile boolean draining;

    public Readiness(BooleanSupplier database, IndexLag lag) {
        this.database = database;
        this.lag = lag;
    }

    /** From now on the node says it is not ready, so the load balancer sends it no new requests. */
    public void drain() {
        draining = true;
    }

    /** Empty when ready, else why not. */
    public Optional<String> notReadyBecause() {
        if (draining) return Optional.of("draining for shutdown");
        if (!database.getAsBoolean()) return Optional.of("database unreachable or its schema changed");
        long behind = lag.changes();
        if (behind > MAX_BEHIND_CHANGES) return Optional.of("search index " + behind + " changes behind");
        double seconds = lag.seconds();
        if (seconds > MAX_BEHIND_SECONDS) return Optional.of("search index not caught up for " + (long) seconds + " s");
        return Optional.empty();
    }
}
