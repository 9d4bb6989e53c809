package org.paperboy.community;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in memory, one per key ("vote:user:42"): a bucket holds up to {@code count}
 * tokens and refills at {@code count / per}. Memory is per node: behind a load balancer each node
 * enforces its own limits (so the effective limit is at most nodes x the configured one).
 */
public final class RateLimiter {
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

    public RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    public RateLimiter() {
        this(System::nanoTime);
    }

    /** Gives back a token taken for an action that did not happen after all (never above the capacity). */
    public void refund(String key) {
        buckets.computeIfPresent(key, (k, b) -> {
            b.tokens = Math.min(b.capacity, b.tokens + 1);
            return b;
        });
    }

    /** Takes one token; returns 0 when allowed, else the whole seconds until a token is back. */
    public long acquire(String key, int capacity, Duration per) {
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
                wait[0] = Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
            }
            return b;
        });
        return wait[0];
    }
}
