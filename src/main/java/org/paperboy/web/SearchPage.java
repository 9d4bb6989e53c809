package org.paperboy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.Snippet;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;

/** The search page's one record: the form as typed, the results, the category chart and paging. */
public record SearchPage(Meta meta, Form form, String message, List<Result> results, long total, PaperSearch.Mode modeUsed,
                         List<Bar> chart, String prevUrl, String nextUrl, long waiting, long indexBehind) {

    /** The same page, saying that the index has {@code changes} catalog changes still to apply (0: it is current). */
    SearchPage withIndexBehind(long changes) {
        return new SearchPage(meta, form, message, results, total, modeUsed, chart, prevUrl, nextUrl, waiting, changes);
    }

    /** The same page with a message above the results. */
    SearchPage withMessage(String text) {
        return new SearchPage(meta, form, text, results, total, modeUsed, chart, prevUrl, nextUrl, waiting, indexBehind);
    }

    /**
     * @param semantic whether an embedding model serves semantic and hybrid search
     * @param reader   whether a signed-in reader asks (For you is offered to them)
     * @param forYou   the best matches in the reader's order instead of {@code order}'s
     */
    public record Form(String q, PaperSearch.Mode mode, PaperSearch.Order order, int page, boolean semantic, boolean reader, boolean forYou) {
        public Form(String q, PaperSearch.Mode mode, PaperSearch.Order order, int page) {
            this(q, mode, order, page, true, false, false);
        }

        public String modeName() {
            return mode.name().toLowerCase(Locale.ROOT);
        }

        public String orderName() {
            return forYou ? SearchRoutes.FOR_YOU_SORT : order.name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param reason why For you put it there; null in the other orders */
    public record Result(Paper paper, Snippet snippet, String reason) {
        public Result(Paper paper, Snippet snippet) {
            this(paper, snippet, null);
        }

        public String authorLine() {
            List<String> names = paper.authors().stream().map(Author::name).limit(4).toList();
            return String.join(", ", names) + (paper.authors().size() > 4 ? " et al." : "");
        }
    }

    /** One bar of the per-category chart, laid out in SVG units. */
    public record Bar(String category, int count, int y, int width, String href) {}

    static final int CHART_BARS = 10;
    static final int CHART_BAR_MAX = 220;
    static final int CHART_ROW = 22;

    public int chartHeight() {
        return chart.size() * CHART_ROW + 4;
    }

    public boolean hasResults() {
        return !results.isEmpty();
    }

    static SearchPage empty(Form form, String message, long waiting) {
        return new SearchPage(meta(form.q()), form, message, List.of(), 0, form.mode(), List.of(), null, null, waiting, 0);
    }

    static SearchPage of(Form form, PaperSearch.Results r, List<Result> results, long waiting, int pageSize) {
        return of(form, r, results, waiting, pageSize, Math.min(r.total(), PaperSearch.MAX_RESULTS));
    }

    /** @param reachable how many results the pages can go through */
    static SearchPage of(Form form, PaperSearch.Results r, List<Result> results, long waiting, int pageSize, long reachable) {
        String prev = form.page() > 1 ? url(form, form.q(), form.page() - 1) : null;
        String next = (long) form.page() * pageSize < reachable ? url(form, form.q(), form.page() + 1) : null;
        String message = results.isEmpty() ? "No papers match. Try fewer words, another mode, or drop a filter." : null;
        return new SearchPage(meta(form.q()), form, message, results, r.total(), r.mode(), chart(form, r.categories()), prev, next, waiting, 0);
    }

    private static Meta meta(String q) {
        String title = q.isBlank() ? "Search · Paperboy" : q + " · Search · Paperboy";
        return Meta.of(title, "Search papers by keyword and by meaning.").withQuery(q);
    }

    private static List<Bar> chart(Form form, Map<String, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (var e : counts.entrySet()) {
            if (bars.size() == CHART_BARS) break;
            int width = Math.max(2, Math.round((float) CHART_BAR_MAX * e.getValue() / max));
            String q = form.q().contains("cat:" + e.getKey()) ? form.q() : form.q() + " cat:" + e.getKey();
            bars.add(new Bar(e.getKey(), e.getValue(), bars.size() * CHART_ROW, width, url(form, q, 1)));
        }
        return bars;
    }

    static String url(Form form, String q, int page) {
        return "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&mode=" + form.modeName()
                + "&sort=" + form.orderName() + (page > 1 ? "&page=" + page : "");
    }
}
