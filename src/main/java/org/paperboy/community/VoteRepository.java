package org.paperboy.community;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.Sql;

/**
 * Votes, one per account and paper (the primary key). After each change the paper's count is
 * recounted from this table inside the same transaction, never incremented, so it cannot drift.
 */
public final class VoteRepository {

    /** The paper's count after a vote, and whether this account now votes for it. */
    public record VoteState(String arxivId, int upvotes, boolean voted) {}

    private final Jdbi jdbi;
    private final PaperRepository papers;

    public VoteRepository(Database db, PaperRepository papers) {
        this.jdbi = db.jdbi();
        this.papers = papers;
    }

    private static String sql(String name) {
        return Sql.of(VoteRepository.class, name);
    }

    /**
     * Sets this account's vote. The transaction first takes the change counter and the paper's row
     * (papers.touch), so concurrent votes on one paper queue there and each recount sees the votes
     * committed before it, on PostgreSQL (READ COMMITTED) and SQLite alike. Empty for an unknown
     * or hidden paper.
     */
    public Optional<VoteState> set(long userId, String arxivId, boolean up, long now) {
        return jdbi.inTransaction(h -> {
            if (papers.touchVisible(h, arxivId) == 0) return Optional.<VoteState>empty();
            h.createUpdate(sql(up ? "insert" : "delete")).bind("userId", userId).bind("id", arxivId).bind("now", now).execute();
            return Optional.of(new VoteState(arxivId, recount(h, arxivId), up));
        });
    }

    /** Recounts a paper's upvotes from the votes table and returns the count. */
    static int recount(Handle h, String arxivId) {
        return h.createQuery(sql("recount")).bind("id", arxivId).mapTo(Integer.class).one();
    }

    public boolean hasVoted(long userId, String arxivId) {
        return !votedAmong(userId, List.of(arxivId)).isEmpty();
    }

    /** Which of these papers the account has voted for (to draw the buttons of a listing). */
    public Set<String> votedAmong(long userId, Collection<String> arxivIds) {
        if (arxivIds.isEmpty()) return Set.of();
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery(sql("voted_among")).bind("userId", userId)
                .bindList("ids", List.copyOf(arxivIds)).mapTo(String.class).list()));
    }

    /** Papers the account voted for, newest vote first. */
    public List<String> votedBy(long userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("voted_by")).bind("userId", userId).bind("limit", limit)
                .mapTo(String.class).list());
    }

    /** Rows in the votes table for a paper (the truth that papers.upvotes mirrors). */
    public int countRows(String arxivId) {
        return jdbi.withHandle(h -> h.createQuery(sql("count_rows")).bind("id", arxivId).mapTo(Integer.class).one());
    }
}
