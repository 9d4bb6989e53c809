package org.paperboy.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.paperboy.rank.Trending;
import org.paperboy.store.Database;
import org.paperboy.store.Sql;

/**
 * Recomputes the cached papers.trending_score of every paper that has votes or still has a score,
 * from {@link Trending}. Not a change for followers (the scores move continuously), so the change
 * sequence stays; listings sorted by trending read the column directly.
 */
public final class TrendingScores {
    private static final int BATCH = 1_000;

    private record Row(String arxivId, int upvotes, LocalDate listingDate, Long submittedAt) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public TrendingScores(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    private static String sql(String name) {
        return Sql.of(TrendingScores.class, name);
    }

    /** Returns how many papers were scored. */
    public int recompute() {
        Instant now = clock.instant();
        List<Row> rows = jdbi.withHandle(h -> h.createQuery(sql("candidates")).map((rs, ctx) -> new Row(rs.getString("arxiv_id"),
                rs.getInt("upvotes"), LocalDate.parse(rs.getString("listing_date")), UserRepository.nullableLong(rs, "submitted_at"))).list());
        List<Row> batch = new ArrayList<>();
        for (Row r : rows) {
            batch.add(r);
            if (batch.size() == BATCH) write(batch, now);
        }
        write(batch, now);
        return rows.size();
    }

    private void write(List<Row> batch, Instant now) {
        if (batch.isEmpty()) return;
        jdbi.useTransaction(h -> {
            PreparedBatch b = h.prepareBatch(sql("update"));
            for (Row r : batch) b.bind("id", r.arxivId()).bind("score", Trending.score(r.upvotes(), Duration.between(since(r), now))).add();
            b.execute();
        });
        batch.clear();
    }

    private Instant since(Row r) {
        Instant listed = r.listingDate().atStartOfDay(clock.getZone()).toInstant();
        if (r.submittedAt() == null) return listed;
        Instant submitted = Instant.ofEpochMilli(r.submittedAt());
        return submitted.isAfter(listed) ? submitted : listed;
    }
}
