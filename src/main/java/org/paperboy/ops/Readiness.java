package org.paperboy.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    /**
     * With the database down the pool waits its whole connection timeout (30 s) for a connection;
     * the load balancer's check gives up long before, so the answer must come sooner.
     */
    public static final Duration DATABASE_CHECK_TIMEOUT = Duration.ofSeconds(1);
    private static final Executor CHECKS = runnable -> Thread.ofVirtual().name("readiness-check").start(runnable);

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

    private Optional<String> databaseProblem() {
        try {
            boolean ok = CompletableFuture.supplyAsync(database::getAsBoolean, CHECKS)
                    .get(DATABASE_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return ok ? Optional.empty() : Optional.of("database unreachable or its schema changed");
        } catch (TimeoutException e) {
            return Optional.of("database did not answer within " + DATABASE_CHECK_TIMEOUT.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of("database unreachable: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** Empty when ready, else why not. */
    public Optional<String> notReadyBecause() {
        if (draining) return Optional.of("draining for shutdown");
        Optional<String> db = databaseProblem();
        if (db.isPresent()) return db;
        long behind = lag.changes();
        if (behind > MAX_BEHIND_CHANGES) return Optional.of("search index " + behind + " changes behind");
        double seconds = lag.seconds();
        if (seconds > MAX_BEHIND_SECONDS) return Optional.of("search index not caught up for " + (long) seconds + " s");
        return Optional.empty();
    }
}
