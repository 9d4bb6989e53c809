package org.paperboy.index;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.paperboy.store.Database;

/**
 * Hands out the embedding backfill's work to the nodes on one database, a range of the change
 * sequence at a time (table {@code embedding_ranges}): a node takes first a range another node
 * left unfinished, else the next new one, and holds it for {@link #LEASE}.
 */
final class EmbeddingRanges {
    /** Far longer than a range takes (512 papers, seconds to a minute on two cores). */
    static final Duration LEASE = Duration.ofMinutes(10);
    /** A new range covers this many papers of the change sequence. */
    static final int RANGE = EmbeddingBackfill.BATCH * 8;
    private static final int CLAIM_TRIES = 5;

    /** Papers in (from, to] of the change sequence; {@code papers} as read when it was taken. */
    record Range(long from, long to, List<EmbeddingStore.Pending> papers) {}

    private final Jdbi jdbi;
    private final EmbeddingStore store;
    private final Clock clock;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final ClasspathSqlLocator sql = ClasspathSqlLocator.create();

    EmbeddingRanges(Database db, EmbeddingStore store, Clock clock) {
        this.jdbi = db.jdbi();
        this.store = store;
        this.clock = clock;
    }

    private String sql(String name) {
        return sql.locate(EmbeddingRanges.class, name);
    }

    /** The next range for this node, or empty when every paper is taken. */
    Optional<Range> next(String model) {
        Optional<Range> left = retake(model);
        if (left.isPresent()) return left;
        for (int i = 0; i < CLAIM_TRIES; i++) {
            long from = jdbi.withHandle(h -> h.createQuery(sql("max_to")).bind("model", model).mapTo(Long.class).findOne())
                    .orElseGet(() -> store.backfillCursor(model));
            List<EmbeddingStore.Pending> page = store.pendingSince(model, from, RANGE);
            if (page.isEmpty()) return Optional.empty();
            long to = page.get(page.size() - 1).changeSeq();
            long until = clock.millis() + LEASE.toMillis();
            int inserted = jdbi.withHandle(h -> h.createUpdate(sql("insert")).bind("model", model).bind("from", from).bind("to", to)
                    .bind("node", node).bind("until", until).execute());
            if (inserted == 1) return Optional.of(new Range(from, to, page));
            // another node took this range first: read where the next one starts
        }
        return Optional.empty();
    }

    private Optional<Range> retake(String model) {
        long now = clock.millis();
        long until = now + LEASE.toMillis();
        int taken = jdbi.withHandle(h -> h.createUpdate(sql("retake")).bind("model", model).bind("node", node)
                .bind("until", until).bind("now", now).execute());
        if (taken == 0) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery(sql("find_claimed")).bind("model", model).bind("node", node).bind("until", until)
                .map((rs, ctx) -> new long[] {rs.getLong("from_seq"), rs.getLong("to_seq")}).findOne())
                .map(r -> new Range(r[0], r[1], store.pendingSince(model, r[0], RANGE).stream().filter(p -> p.changeSeq() <= r[1]).toList()));
    }

    /** Hands this node's unfinished ranges to the others now (a graceful stop). */
    void release(String model) {
        jdbi.useHandle(h -> h.createUpdate(sql("release")).bind("model", model).bind("node", node).execute());
    }

    void done(String model, Range r) {
        jdbi.useHandle(h -> {
            h.createUpdate(sql("done")).bind("model", model).bind("from", r.from()).bind("node", node).execute();
            h.createUpdate(sql("prune")).bind("model", model).execute();
        });
    }
}
