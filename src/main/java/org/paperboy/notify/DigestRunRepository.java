package org.paperboy.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.StatementContext;
import org.paperboy.store.Database;

/** Digest runs, unique by key, so that two nodes composing the same digest agree on one paper list. */
public final class DigestRunRepository {
    private final Jdbi jdbi;
    private final ClasspathSqlLocator sql = ClasspathSqlLocator.create();

    public DigestRunRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    private String sql(String name) {
        return sql.locate(DigestRunRepository.class, name);
    }

    /** The run of this period: the existing one if any (its papers win), else a new one with these papers. */
    public DigestRun createIfAbsent(DigestPeriod p, List<String> paperIds, long now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate(sql("insert")).bind("key", p.key()).bind("frequency", p.frequency().key())
                    .bind("from", p.from().toString()).bind("to", p.to().toString())
                    .bind("paperIds", String.join(" ", paperIds)).bind("now", now).execute();
            return h.createQuery(sql("find_by_key")).bind("key", p.key()).map(DigestRunRepository::row).one();
        });
    }

    public Optional<DigestRun> findByKey(String key) {
        return jdbi.withHandle(h -> h.createQuery(sql("find_by_key")).bind("key", key).map(DigestRunRepository::row).findOne());
    }

    public Optional<DigestRun> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(sql("find")).bind("id", id).map(DigestRunRepository::row).findOne());
    }

    public List<DigestRun> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("recent")).bind("limit", limit).map(DigestRunRepository::row).list());
    }

    public void markComposed(long id, int rows, long now) {
        jdbi.useHandle(h -> h.createUpdate(sql("mark_composed")).bind("id", id).bind("rows", rows).bind("now", now).execute());
    }

    /** Confirmed subscribers of the period's frequency who have no row for it yet. */
    public int missingSubscribers(DigestPeriod p) {
        return jdbi.withHandle(h -> h.createQuery(sql("missing_subscribers")).bind("frequency", p.frequency().key())
                .bind("key", p.key()).mapTo(Integer.class).one());
    }

    private static DigestRun row(ResultSet rs, StatementContext ctx) throws SQLException {
        String ids = rs.getString("paper_ids");
        return new DigestRun(rs.getLong("id"), rs.getString("digest_key"), Frequency.parse(rs.getString("frequency")).orElseThrow(),
                LocalDate.parse(rs.getString("period_from")), LocalDate.parse(rs.getString("period_to")),
                ids.isBlank() ? List.of() : Arrays.asList(ids.split(" ")), "composed".equals(rs.getString("status")),
                rs.getInt("composed_rows"));
    }
}
