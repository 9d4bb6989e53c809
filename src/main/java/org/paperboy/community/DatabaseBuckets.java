package org.paperboy.community;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.Sql;

/**
 * Token buckets in the table {@code rate_buckets}, shared by every node on the database. Each take
 * is one atomic upsert, so two nodes taking the last token at once cannot both get it. Time is the
 * node's wall clock (nanosecond counters of different machines cannot be compared).
 */
final class DatabaseBuckets implements RateLimiter.Buckets {
    /** Every this many takes, this node deletes the buckets that are full again. */
    static final int SWEEP_EVERY = 1_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final AtomicLong takes = new AtomicLong();
    private final String take;
    private final String sweep;
    private final String refund;

    DatabaseBuckets(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
        this.take = Sql.of(DatabaseBuckets.class, "take");
        this.sweep = Sql.of(DatabaseBuckets.class, "sweep");
        this.refund = Sql.of(DatabaseBuckets.class, "refund");
    }

    private record Answer(double tokens, int allowed) {}

    @Override
    public long take(String key, int capacity, Duration per) {
        long now = clock.millis();
        long perMs = Math.max(1, per.toMillis());
        double rate = capacity / (double) perMs;
        if (takes.incrementAndGet() % SWEEP_EVERY == 0) sweep(now);
        Answer a = jdbi.withHandle(h -> h.createQuery(take)
                .bind("key", key).bind("capacity", capacity).bind("now", now).bind("perMs", perMs).bind("rate", rate)
                .map((rs, ctx) -> new Answer(rs.getDouble("tokens"), rs.getInt("allowed"))).one());
        if (a.allowed() == 1) return 0;
        return RateLimiter.secondsUntilToken(a.tokens(), rate / 1e6);
    }

    @Override
    public void refund(String key) {
        jdbi.useHandle(h -> h.createUpdate(refund).bind("key", key).execute());
    }

    void sweep(long now) {
        jdbi.useHandle(h -> h.createUpdate(sweep).bind("now", now).execute());
    }
}
