package org.paperboy.enrich;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.Sql;

/** The table {@code repo_stars}: each repository's last answer from GitHub, shared by every node. */
public final class StarsRepository {

    /** One repository's row; {@code stars} is null when it is gone or was never read. */
    public record Entry(String repo, Integer stars, State state, long checkedMs) {}

    public enum State { OK, GONE, ERROR }

    private final Jdbi jdbi;

    public StarsRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Every row by repository ("owner/name", lower case): a few thousand at most, one per linked repository. */
    public Map<String, Entry> all() {
        Map<String, Entry> rows = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery(Sql.of(StarsRepository.class, "all"))
                .map((rs, ctx) -> entry(rs)).forEach(e -> rows.put(e.repo(), e)));
        return rows;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        int stars = rs.getInt("stars");
        Integer count = rs.wasNull() ? null : stars;
        return new Entry(rs.getString("repo"), count, State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getLong("checked_ms"));
    }

    public void saveStars(String repo, int stars, long nowMs) {
        save(repo, stars, State.OK, nowMs);
    }

    public void saveGone(String repo, long nowMs) {
        save(repo, null, State.GONE, nowMs);
    }

    /** Marks a failed answer, keeping the count read before so that pages go on showing it. */
    public void saveError(String repo, long nowMs) {
        jdbi.useHandle(h -> h.createUpdate(Sql.of(StarsRepository.class, "save_error")).bind("repo", repo).bind("checkedMs", nowMs).execute());
    }

    private void save(String repo, Integer stars, State state, long nowMs) {
        jdbi.useHandle(h -> h.createUpdate(Sql.of(StarsRepository.class, "save")).bind("repo", repo)
                .bind("stars", stars).bind("state", state.name().toLowerCase(Locale.ROOT)).bind("checkedMs", nowMs).execute());
    }
}
