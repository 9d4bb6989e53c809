package org.paperboy.community;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.paperboy.store.Database;

/**
 * Token buckets, one per key ("vote:user:42"): a bucket holds up to {@code count} tokens and
 * refills at {@code count / per}. On PostgreSQL ({@link #shared}) the buckets live in the database,
 * so every node behind a load balancer draws from the same bucket; otherwise they are in memory,
 * which is right for SQLite's single node.
 */
public final class RateLimiter {

    /** Where the buckets live; {@code take} answers 0 when a token was taken, else whole seconds to wait. */
    interface Buckets {
        long take(String key, int capacity, Duration per);

        /** Puts back one token taken for an action that did not happen after all. */
        void refund(String key);
    }

    private final Buckets buckets;

    RateLimiter(Buckets buckets) {
        this.buckets = buckets;
    }

    public RateLimiter(LongSupplier nanoTime) {
        this(new MemoryBuckets(nanoTime));
    }

    public RateLimiter() {
        this(System::nanoTime);
    }

    /** Buckets every node on this database shares when it is PostgreSQL; else {@code local} (SQLite has one node). */
    public static RateLimiter shared(Database db, Clock clock, RateLimiter local) {
        if (db.dialect() == Database.Dialect.POSTGRESQL) return new RateLimiter(new DatabaseBuckets(db, clock));
        return local;
    }

    /** Takes one token; returns 0 when allowed, else the whole seconds until a token is back. */
    public long acquire(String key, int capacity, Duration per) {
        return buckets.take(key, capacity, per);
    }

    /** Gives back a token taken for an action that did not happen after all (never above the capacity). */
    public void refund(String key) {
        buckets.refund(key);
    }

    /** Rounding noise of the refill arithmetic, so 1798.0000000001 s reads as 1798 s. */
    private static final double ROUNDING_SLACK_SECONDS = 1e-6;

    /** Seconds until one token is back in a bucket holding {@code tokens}, at least 1. */
    static long secondsUntilToken(double tokens, double perNano) {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9 - ROUNDING_SLACK_SECONDS));
    }

    /** One node's buckets in memory. */
    static final class MemoryBuckets implements Buckets {
        /** Above this many buckets, full (idle) ones are dropped: they hold no information. */
        private static final int SWEEP_AT = 50_000;

        private static final class Bucket {
            final int capacity;
            final double perNano;
            double tokens;
            long updatedNanos;

            Bucket(int capacity, double perNano, long now) {
                this.capacity = capacity;
                this.perNano = perNano;
                this.tokens = capacity;
                this.updatedNanos = now;
            }

            boolean fullAt(long now) {
                return tokens + (now - updatedNanos) * perNano >= capacity;
            }
        }

        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final LongSupplier nanoTime;

        MemoryBuckets(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
        }

        @Override
        public long take(String key, int capacity, Duration per) {
            long now = nanoTime.getAsLong();
            double perNano = capacity / (double) per.toNanos();
            if (buckets.size() > SWEEP_AT) buckets.values().removeIf(b -> b.fullAt(now));
            long[] wait = {0};
            buckets.compute(key, (k, b) -> {
                if (b == null) b = new Bucket(capacity, perNano, now);
                b.tokens = Math.min(capacity, b.tokens + (now - b.updatedNanos) * perNano);
                b.updatedNanos = now;
                if (b.tokens >= 1) {
                    b.tokens -= 1;
                } else {
                    wait[0] = secondsUntilToken(b.tokens, perNano);
                }
                return b;
            });
            return wait[0];
        }

        @Override
        public void refund(String key) {
            buckets.computeIfPresent(key, (k, b) -> {
                b.tokens = Math.min(b.capacity, b.tokens + 1);
                return b;
            });
        }
    }
}
