package org.paperboy.community;

import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.Sql;

/**
 * The append-only moderation log (triggers refuse UPDATE and DELETE) and the paper-level actions
 * it records. Each action and its log line are written in one transaction.
 */
public final class ModerationRepository {
    private final Jdbi jdbi;
    private final PaperRepository papers;

    public ModerationRepository(Database db, PaperRepository papers) {
        this.jdbi = db.jdbi();
        this.papers = papers;
    }

    private static String sql(String name) {
        return Sql.of(ModerationRepository.class, name);
    }

    private static void append(Handle h, ModerationEntry e) {
        h.createUpdate(sql("append")).bind("now", e.createdAt()).bind("moderator", e.moderator()).bind("action", e.action())
                .bind("targetType", e.targetType()).bind("target", e.target()).bind("reason", e.reason()).execute();
    }

    /** Hides or restores a paper in every listing; false when there is no such paper. */
    public boolean setPaperHidden(String arxivId, boolean hidden, ModerationEntry entry) {
        return jdbi.inTransaction(h -> {
            if (papers.touch(h, arxivId) == 0) return false;
            h.createUpdate(sql("set_paper_hidden")).bind("id", arxivId).bind("hidden", hidden ? 1 : 0).execute();
            append(h, entry);
            return true;
        });
    }

    /**
     * After a ban or unban: recounts the votes and comments of every paper the user voted on or
     * commented on (a banned user's count for nothing), moving their change sequence. Returns how
     * many papers changed.
     */
    public int recountPapersOf(Handle h, long userId) {
        List<String> ids = h.createQuery(sql("papers_of_user")).bind("userId", userId).mapTo(String.class).list();
        for (String id : ids) recount(h, id);
        return ids.size();
    }

    /** Runs a moderation action and writes its log line in one transaction: the log never misses an action. */
    public void record(ModerationEntry entry, Consumer<Handle> action) {
        jdbi.useTransaction(h -> {
            action.accept(h);
            append(h, entry);
        });
    }

    /**
     * Erases an account in one transaction: the placeholder name {@code ~deleted-ID} and address,
     * no password, no sessions or tokens, no votes, every comment deleted (replies keep their
     * place); the papers it touched are recounted.
     */
    public void eraseUser(long userId, long now) {
        jdbi.useTransaction(h -> {
            List<String> touched = h.createQuery(sql("papers_of_user")).bind("userId", userId).mapTo(String.class).list();
            for (String statement : List.of(Sql.of(SessionRepository.class, "delete_user"), Sql.of(ApiTokenRepository.class, "delete_user"),
                    sql("erase_email_tokens"), sql("erase_votes"), sql("erase_comments"),
                    sql("erase_reader_papers"), sql("erase_reader_follows"))) {
                h.createUpdate(statement).bind("userId", userId).execute();
            }
            h.createUpdate(sql("erase_user")).bind("userId", userId).bind("now", now)
                    .bind("name", "~deleted-" + userId).bind("email", "deleted-" + userId + "@invalid").execute();
            for (String id : touched) recount(h, id);
        });
    }

    private void recount(Handle h, String arxivId) {
        papers.touch(h, arxivId);
        VoteRepository.recount(h, arxivId);
        CommentRepository.recount(h, arxivId);
    }

    public List<ModerationEntry> recent(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery(sql("recent")).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new ModerationEntry(rs.getLong("id"), rs.getLong("created_at"), rs.getString("moderator"),
                        rs.getString("action"), rs.getString("target_type"), rs.getString("target"), rs.getString("reason")))
                .list());
    }
}
