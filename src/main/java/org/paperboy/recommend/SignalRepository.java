package org.paperboy.recommend;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.paperboy.store.Database;
import org.paperboy.store.Sql;

/**
 * A reader's signals: saved, hidden and seeded papers and follows (tables of V010), and their
 * upvotes (the votes table) as read by the model. Every query is scoped to one reader.
 */
public final class SignalRepository {
    public static final String SAVE = "save", HIDE = "hide", SEED = "seed";
    public static final String CATEGORY = "category", AUTHOR = "author", SEARCH = "search";

    public record Mark(String arxivId, String kind, long createdAt) {}

    public record Follow(String kind, String target, long createdAt) {}

    private final Jdbi jdbi;

    private static final RowMapper<Mark> MARK = (rs, ctx) -> new Mark(rs.getString("arxiv_id"), rs.getString("kind"), rs.getLong("created_at"));

    public SignalRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    private static String sql(String name) {
        return Sql.of(SignalRepository.class, name);
    }

    /** Marks a paper; false when it was marked so already. */
    public boolean mark(long userId, String kind, String arxivId, long now) {
        return jdbi.withHandle(h -> h.createUpdate(sql("insert_paper")).bind("userId", userId).bind("kind", kind)
                .bind("id", arxivId).bind("now", now).execute()) > 0;
    }

    public boolean unmark(long userId, String kind, String arxivId) {
        return jdbi.withHandle(h -> h.createUpdate(sql("delete_paper")).bind("userId", userId).bind("kind", kind)
                .bind("id", arxivId).execute()) > 0;
    }

    /** Saved, hidden and seeded papers, newest first. */
    public List<Mark> marks(long userId) {
        return jdbi.withHandle(h -> h.createQuery(sql("papers_of")).bind("userId", userId)
                .map(MARK).list());
    }

    public List<String> ids(long userId, String kind) {
        return jdbi.withHandle(h -> h.createQuery(sql("ids_of_kind")).bind("userId", userId).bind("kind", kind).mapTo(String.class).list());
    }

    /** For each of these papers that the reader marked, its kinds (to draw a listing's buttons). */
    public Map<String, Set<String>> marksAmong(long userId, Collection<String> arxivIds) {
        if (arxivIds.isEmpty()) return Map.of();
        Map<String, Set<String>> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery(sql("marks_among")).bind("userId", userId).bindList("ids", List.copyOf(arxivIds))
                .map((rs, ctx) -> Map.entry(rs.getString("arxiv_id"), rs.getString("kind")))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue())));
        return out;
    }

    /** Every signal the model learns from: marks and upvotes ("vote"). */
    public List<Mark> signals(long userId) {
        return jdbi.withHandle(h -> h.createQuery(sql("signals_of")).bind("userId", userId)
                .map(MARK).list());
    }

    /** Saves, seeds and upvotes of every reader together (the instance profile's fallback). */
    public List<Mark> allPositives() {
        return jdbi.withHandle(h -> h.createQuery(sql("all_positive"))
                .map(MARK).list());
    }

    public boolean follow(long userId, String kind, String target, long now) {
        return jdbi.withHandle(h -> h.createUpdate(sql("insert_follow")).bind("userId", userId).bind("kind", kind)
                .bind("target", target).bind("now", now).execute()) > 0;
    }

    public boolean unfollow(long userId, String kind, String target) {
        return jdbi.withHandle(h -> h.createUpdate(sql("delete_follow")).bind("userId", userId).bind("kind", kind)
                .bind("target", target).execute()) > 0;
    }

    public List<Follow> follows(long userId) {
        return jdbi.withHandle(h -> h.createQuery(sql("follows_of")).bind("userId", userId)
                .map((rs, ctx) -> new Follow(rs.getString("kind"), rs.getString("target"), rs.getLong("created_at"))).list());
    }

    public boolean seedInstance(String arxivId, long now) {
        return jdbi.withHandle(h -> h.createUpdate(sql("insert_instance_seed")).bind("id", arxivId).bind("now", now).execute()) > 0;
    }

    public boolean unseedInstance(String arxivId) {
        return jdbi.withHandle(h -> h.createUpdate(sql("delete_instance_seed")).bind("id", arxivId).execute()) > 0;
    }

    public List<String> instanceSeeds() {
        return jdbi.withHandle(h -> h.createQuery(sql("instance_seeds")).mapTo(String.class).list());
    }
}
