package org.paperboy.ops;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * How far this node's index is behind the database: in changes (straight from the follower) and in
 * seconds, counted from the last time it was seen fully caught up.
 */
public final class IndexLag {
    private final LongSupplier behind;
    private final Clock clock;
    private volatile long caughtUpAt;

    public IndexLag(LongSupplier behind, Clock clock) {
        this.behind = behind;
        this.clock = clock;
        this.caughtUpAt = clock.millis();
    }

    public long changes() {
        long n = behind.getAsLong();
        if (n == 0) caughtUpAt = clock.millis();
        return n;
    }

    public double seconds() {
        if (changes() == 0) return 0;
        return Math.max(0, clock.millis() - caughtUpAt) / 1000.0;
    }
}
