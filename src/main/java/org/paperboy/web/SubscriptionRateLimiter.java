package org.paperboy.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small in-memory token bucket per client address for subscription requests: a burst of
 * {@link #BURST}, refilled at one per {@link #REFILL_MILLIS}. Per node, not shared: with several
 * nodes an address gets that allowance on each, which is enough to stop a script mailing strangers.
 */
public final class SubscriptionRateLimiter {
    public static final int BURST = 5;
    public static final long REFILL_MILLIS = 60_000;
    /** Beyond this many tracked addresses the full (idle) buckets are dropped. */
    static final int MAX_TRACKED = 50_000;

    private record Bucket(double tokens, long at) {}

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    public SubscriptionRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** 0 when the request may go ahead (and a token is spent); else seconds until it may. */
    public long acquire(String client) {
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED) evictFull(now);
        long[] wait = {0};
        buckets.compute(client, (k, b) -> {
            double tokens = b == null ? BURST : Math.min(BURST, b.tokens() + (now - b.at()) / (double) REFILL_MILLIS);
            if (tokens >= 1) return new Bucket(tokens - 1, now);
            wait[0] = (long) Math.ceil((1 - tokens) * REFILL_MILLIS / 1000.0);
            return new Bucket(tokens, now);
        });
        return wait[0];
    }

    private void evictFull(long now) {
        buckets.entrySet().removeIf(e -> e.getValue().tokens() + (now - e.getValue().at()) / (double) REFILL_MILLIS >= BURST);
    }
}
