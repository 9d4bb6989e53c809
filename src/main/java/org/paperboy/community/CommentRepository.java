package org.paperboy.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.Sql;

/**
 * Comments and their flags. Every change that alters what a thread shows recounts
 * papers.num_comments (visible comments only) and moves the paper's change sequence.
 */
public final class CommentRepository {
    private final Jdbi jdbi;
    private final PaperRepository papers;

    public CommentRepository(Database db, PaperRepository papers) {
        this.jdbi = db.jdbi();
        this.papers = papers;
    }

    private static String sql(String name) {
        return Sql.of(CommentRepository.class, name);
    }

    /** Empty when the paper is unknown or hidden, or the parent is not a comment on the same paper. */
    public Optional<Long> insert(String arxivId, long userId, Long parentId, String body, long now) {
        return jdbi.inTransaction(h -> {
            if (papers.touchVisible(h, arxivId) == 0) return Optional.<Long>empty();
            if (parentId != null && find(h, parentId).filter(p -> p.arxivId().equals(arxivId)).isEmpty()) return Optional.<Long>empty();
            long id = h.createQuery(sql("insert")).bind("arxivId", arxivId).bind("userId", userId)
                    .bindByType("parentId", parentId, Long.class).bind("body", body).bind("now", now)
                    .mapTo(Long.class).one();
            recount(h, arxivId);
            return Optional.of(id);
        });
    }

    public Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private Optional<Comment> find(Handle h, long id) {
        return h.createQuery(sql("find")).bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    /** A paper's comments in posting order (threads are assembled by the caller). */
    public List<Comment> forPaper(String arxivId) {
        return jdbi.withHandle(h -> h.createQuery(sql("for_paper")).bind("id", arxivId).map((rs, ctx) -> map(rs)).list());
    }

    public List<Comment> byUser(long userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("by_user")).bind("userId", userId).bind("limit", limit)
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Comments with at least one flag that are still visible, most flagged first. */
    public List<Comment> flagged(int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("flagged")).bind("limit", limit).map((rs, ctx) -> map(rs)).list());
    }

    public void edit(long id, String body, long now) {
        jdbi.useHandle(h -> h.createUpdate(sql("edit")).bind("id", id).bind("body", body).bind("now", now).execute());
    }

    public void markDeleted(long id) {
        change(id, "mark_deleted", 1);
    }

    public void setHidden(Handle h, long id, boolean hidden) {
        change(h, id, "set_hidden", hidden ? 1 : 0);
    }

    private void change(long id, String statement, int value) {
        jdbi.useTransaction(h -> change(h, id, statement, value));
    }

    private void change(Handle h, long id, String statement, int value) {
        Optional<Comment> c = find(h, id);
        if (c.isEmpty()) return;
        papers.touch(h, c.get().arxivId());
        h.createUpdate(sql(statement)).bind("id", id).bind("value", value).execute();
        recount(h, c.get().arxivId());
    }

    /** One flag per account and comment; returns the comment's flag count. */
    public int flag(long commentId, long userId, String reason, long now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate(sql("flag")).bind("commentId", commentId).bind("userId", userId)
                    .bind("reason", reason).bind("now", now).execute();
            h.createUpdate(sql("recount_flags")).bind("id", commentId).execute();
            return find(h, commentId).map(Comment::flags).orElse(0);
        });
    }

    /** Comments on the paper (visible or not), for checks. */
    public int countRows(String arxivId) {
        return jdbi.withHandle(h -> h.createQuery(sql("count_rows")).bind("id", arxivId).mapTo(Integer.class).one());
    }

    /** Recounts a paper's visible comments. */
    static void recount(Handle h, String arxivId) {
        h.createUpdate(sql("recount")).bind("id", arxivId).execute();
    }

    private static Comment map(ResultSet rs) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getString("arxiv_id"), rs.getLong("user_id"), rs.getString("username"),
                UserRepository.nullableLong(rs, "parent_id"), rs.getString("body"), rs.getLong("created_at"),
                UserRepository.nullableLong(rs, "edited_at"), rs.getInt("deleted") == 1, rs.getInt("hidden") == 1,
                rs.getInt("flags"));
    }
}
