package org.paperboy.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.Sql;

/** Submissions: at most one per paper (the first submitter is the one credited). */
public final class SubmissionRepository {
    private final Jdbi jdbi;
    private final PaperRepository papers;

    public SubmissionRepository(Database db, PaperRepository papers) {
        this.jdbi = db.jdbi();
        this.papers = papers;
    }

    private static String sql(String name) {
        return Sql.of(SubmissionRepository.class, name);
    }

    /** True when this call recorded the submission; false when the paper was already submitted. */
    public boolean insert(String arxivId, long userId, LocalDate day, long now) {
        return jdbi.inTransaction(h -> {
            if (papers.touch(h, arxivId) == 0) return false;
            return h.createUpdate(sql("insert")).bind("id", arxivId).bind("userId", userId)
                    .bind("day", day.toString()).bind("now", now).execute() == 1;
        });
    }

    public List<Submission> byUser(long userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("by_user")).bind("userId", userId).bind("limit", limit)
                .map((rs, ctx) -> map(rs)).list());
    }

    private static Submission map(ResultSet rs) throws SQLException {
        return new Submission(rs.getString("arxiv_id"), rs.getLong("user_id"), rs.getString("username"),
                LocalDate.parse(rs.getString("featured_date")), rs.getLong("created_at"));
    }
}
