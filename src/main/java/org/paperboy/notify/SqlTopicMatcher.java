package org.paperboy.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.Query;
import org.paperboy.index.ParsedQuery;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/**
 * Topic alerts straight from the catalog, in the search box's language: {@code cat:} by category
 * (several are alternatives), {@code author:} by a case-insensitive substring of the author list,
 * phrases and each word by a case-insensitive substring of title or abstract, {@code has:code},
 * and {@code after:}/{@code before:} narrowing the digest's days. Ranked like the daily page (upvotes, then
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
        ParsedQuery q = TopicQuery.parse(savedSearch);
        // after: and before: narrow the digest's days; before: is exclusive
        LocalDate first = q.after() != null && q.after().isAfter(from) ? q.after() : from;
        LocalDate last = q.before() != null && q.before().minusDays(1).isBefore(to) ? q.before().minusDays(1) : to;
        if (last.isBefore(first)) return List.of();
        List<String> ids = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("from", first.toString()).bind("to", last.toString()).bind("limit", limit);
            query.define("conditions", conditions(q, query));
            return query.mapTo(String.class).list();
        });
        Map<String, Paper> found = papers.findMany(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private static String conditions(ParsedQuery q, Query query) {
        List<String> parts = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        for (int i = 0; i < q.categories().size(); i++) {
            cats.add(":cat" + i);
            query.bind("cat" + i, q.categories().get(i).toLowerCase(Locale.ROOT));
        }
        // several cat: are alternatives, as in search
        if (!cats.isEmpty()) {
            parts.add("AND p.arxiv_id IN (SELECT c.arxiv_id FROM paper_categories c WHERE LOWER(c.category) IN (" + String.join(", ", cats) + "))");
        }
        for (int i = 0; i < q.authors().size(); i++) {
            parts.add("AND LOWER(p.authors) LIKE :author" + i + " ESCAPE '!'");
            query.bind("author" + i, contains(q.authors().get(i)));
        }
        List<String> texts = new ArrayList<>(q.phrases());
        if (!q.words().isBlank()) texts.addAll(List.of(q.words().split(" ")));
        for (int i = 0; i < texts.size(); i++) {
            parts.add("AND (LOWER(p.title) LIKE :text" + i + " ESCAPE '!' OR LOWER(p.abstract) LIKE :text" + i + " ESCAPE '!')");
            query.bind("text" + i, contains(texts.get(i)));
        }
        if (q.hasCode()) parts.add("AND p.code_links <> '[]'");
        return String.join("\n", parts);
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's own wildcards taken literally ('!' escapes: JDBI's parser reads a backslash in a literal as an escape). */
    static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
