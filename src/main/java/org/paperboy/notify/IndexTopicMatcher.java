package org.paperboy.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.ParsedQuery;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;

/**
 * Topic alerts through the search index: the saved search is parsed by the search box's own
 * parser, limited to the digest's listing days, and run as a keyword search (an alert should hold
 * what the words say, not what is merely near them), best match first. Where no index is running
 * (a CLI command beside no server), the catalog matcher answers instead.
 */
public final class IndexTopicMatcher implements TopicMatcher {
    private final Supplier<PaperSearch> search;
    private final PaperRepository papers;
    private final TopicMatcher fallback;

    /** @param search the running search, or a supplier of null when none is running */
    public IndexTopicMatcher(Supplier<PaperSearch> search, PaperRepository papers, TopicMatcher fallback) {
        this.search = search;
        this.papers = papers;
        this.fallback = fallback;
    }

    @Override
    public List<Paper> matching(String savedSearch, LocalDate from, LocalDate to, int limit) {
        PaperSearch s = search.get();
        if (s == null) return fallback.matching(savedSearch, from, to, limit);
        ParsedQuery q = TopicQuery.parse(savedSearch);
        // after: and before: narrow the digest's days (before: is exclusive)
        LocalDate after = q.after() != null && q.after().isAfter(from) ? q.after() : from;
        LocalDate before = q.before() != null && q.before().isBefore(to.plusDays(1)) ? q.before() : to.plusDays(1);
        if (!after.isBefore(before)) return List.of();
        ParsedQuery inPeriod = new ParsedQuery(q.words(), q.phrases(), q.authors(), q.categories(), after, before, q.hasCode(), q.arxivId());
        List<String> ids = s.search(new PaperSearch.Request(inPeriod, PaperSearch.Mode.KEYWORD, PaperSearch.Order.RELEVANCE, 0, limit, false))
                .hits().stream().map(PaperSearch.Hit::id).toList();
        Map<String, Paper> found = papers.findMany(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
