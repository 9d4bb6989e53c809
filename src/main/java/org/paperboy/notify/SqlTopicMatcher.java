package org.paperboy.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.Query;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/**
 * Topic alerts straight from the catalog: {@code cat:} by category (several are alternatives),
 * {@code author:} by a case-insensitive substring of the author list, phrases and words by a
 * case-insensitive substring of title or abstract. Ranked like the daily page (upvotes, then
 * newest). Every value is a bound parameter; only the fixed condition shapes are spliced into the SQL.
 */
public final class SqlTopicMatcher implements TopicMatcher {
    private final Jdbi jdbi;
    private final PaperRepository papers;
    private final String sql = ClasspathSqlLocator.create().locate(SqlTopicMatcher.class, "matching");

    public SqlTopicMatcher(Database db, PaperRepository papers) {
        this.jdbi = db.jdbi();
        this.papers = papers;
    }

    @Override
    public List<Paper> matching(String savedSearch, LocalDate from, LocalDate to, int limit) {
        TopicQuery q = TopicQuery.parse(savedSearch);
        List<String> ids = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("from", from.toString()).bind("to", to.toString()).bind("limit", limit);
            query.define("conditions", conditions(q, query));
            return query.mapTo(String.class).list();
        });
        Map<String, Paper> found = papers.findMany(ids);
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String conditions(TopicQuery q, Query query) {
        List<String> parts = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        for (int i = 0; i < q.categories().size(); i++) {
            cats.add(":cat" + i);
            query.bind("cat" + i, q.categories().get(i).toLowerCase(java.util.Locale.ROOT));
        }
        // several cat: are alternatives, as in search
        if (!cats.isEmpty()) {
            parts.add("AND p.arxiv_id IN (SELECT c.arxiv_id FROM paper_categories c WHERE LOWER(c.category) IN (" + String.join(", ", cats) + "))");
        }
        for (int i = 0; i < q.authors().size(); i++) {
            parts.add("AND LOWER(p.authors) LIKE :author" + i + " ESCAPE '!'");
            query.bind("author" + i, contains(q.authors().get(i)));
        }
        for (int i = 0; i < q.phrases().size(); i++) {
            parts.add("AND (LOWER(p.title) LIKE :phrase" + i + " ESCAPE '!' OR LOWER(p.abstract) LIKE :phrase" + i + " ESCAPE '!')");
            query.bind("phrase" + i, contains(q.phrases().get(i)));
        }
        return String.join("\n", parts);
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's own wildcards taken literally ('!' escapes: JDBI's parser reads a backslash in a literal as an escape). */
    static String contains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
