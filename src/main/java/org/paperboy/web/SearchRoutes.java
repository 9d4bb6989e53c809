package org.paperboy.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.community.User;
import org.paperboy.index.ParsedQuery;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.QueryException;
import org.paperboy.index.QueryParser;
import org.paperboy.index.SearchServices;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperJson;
import org.paperboy.rank.Paging;
import org.paperboy.recommend.ForYou;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.community.AccountSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The search page, the search and similar-papers JSON endpoints. Registered before other groups. */
public final class SearchRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(SearchRoutes.class);

    static final int PAGE_SIZE = 20;
    static final int API_DEFAULT_LIMIT = 20;
    static final int API_MAX_LIMIT = 100;
    /** Catalog changes the search index has still to apply; 0 when it is current. */
    static final String BEHIND_HEADER = "X-Paperboy-Index-Behind";
    static final int EMPTY_INDEX_RETRY_SECONDS = 10;
    /** The search page's sort that puts the best matches in the signed-in reader's order. */
    static final String FOR_YOU_SORT = "foryou";
    /** For you reorders this many of the best matches (by relevance). */
    static final int FOR_YOU_POOL = 100;

    private final SearchServices search;
    private final PaperRepository papers;
    private final Templates templates;
    private final ForYou forYou;
    private final PaperJson json = new PaperJson();

    public SearchRoutes(SearchServices search, PaperRepository papers, Templates templates, ForYou forYou) {
        this.search = search;
        this.papers = papers;
        this.templates = templates;
        this.forYou = forYou;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/search", this::page);
        routes.get("/api/papers/search", this::api);
        routes.get("/api/papers/{id}/similar", this::similar);
    }

    private void page(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        PaperSearch.Mode mode = enumParam(ctx, "mode", PaperSearch.Mode.class, PaperSearch.Mode.HYBRID);
        User reader = AccountSessions.viewer(ctx);
        boolean forYouAsked = FOR_YOU_SORT.equalsIgnoreCase(ctx.queryParam("sort"));
        boolean forYouOrder = forYouAsked && reader != null;
        // a For-you link opened signed out falls back to relevance
        PaperSearch.Order order = forYouAsked ? PaperSearch.Order.RELEVANCE : enumParam(ctx, "sort", PaperSearch.Order.class, PaperSearch.Order.RELEVANCE);
        int page = intParam(ctx, "page", 1, 1, PaperSearch.MAX_RESULTS / PAGE_SIZE);
        SearchPage.Form form = new SearchPage.Form(q, mode, order, page, search.semanticAvailable(), reader != null, forYouOrder);
        long waiting = search.waitingForEmbeddings();
        if (q.isBlank()) {
            render(ctx, SearchPage.empty(form, "Type some words, an author:, a cat:cs.CL, or an arXiv id.", waiting));
            return;
        }
        ParsedQuery parsed;
        try {
            parsed = QueryParser.parse(q);
        } catch (QueryException e) {
            render(ctx.status(400), SearchPage.empty(form, e.getMessage(), waiting));
            return;
        }
        if (parsed.arxivId().isPresent()) {
            ctx.redirect("/papers/" + parsed.arxivId().get().base());
            return;
        }
        try {
            render(ctx, forYouOrder ? forYouPage(form, parsed, reader, waiting) : resultsPage(form, parsed, waiting));
        } catch (QueryException e) {
            render(ctx.status(400), SearchPage.empty(form, e.getMessage(), waiting));
        }
    }

    private SearchPage resultsPage(SearchPage.Form form, ParsedQuery parsed, long waiting) {
        PaperSearch.Results r = search.search().search(new PaperSearch.Request(parsed, form.mode(), form.order(), (form.page() - 1) * PAGE_SIZE, PAGE_SIZE, true));
        return SearchPage.of(form, r, withPapers(r.hits()), waiting, PAGE_SIZE);
    }

    /**
     * The {@value #FOR_YOU_POOL} best matches in the reader's order, each with its reason; the reader's hidden papers left out.
     * Right after a large catalog's start, before For you can rank, the matches by relevance, saying so.
     */
    private SearchPage forYouPage(SearchPage.Form form, ParsedQuery parsed, User reader, long waiting) {
        if (!forYou.ranksReadersNow()) return resultsPage(form, parsed, waiting).withMessage(ForYouPage.GETTING_READY + " Until then the matches are in order of relevance.");
        PaperSearch.Results r = search.search().search(new PaperSearch.Request(parsed, form.mode(), PaperSearch.Order.RELEVANCE, 0, FOR_YOU_POOL, true));
        Map<String, SearchPage.Result> matches = new HashMap<>();
        for (SearchPage.Result m : withPapers(r.hits())) matches.put(m.paper().id().base(), m);
        List<SearchPage.Result> ordered = new ArrayList<>();
        for (ForYou.Pick p : forYou.rank(reader.id(), matches.values().stream().map(SearchPage.Result::paper).toList())) {
            ordered.add(new SearchPage.Result(p.paper(), matches.get(p.paper().id().base()).snippet(), p.reason()));
        }
        int from = Math.min((form.page() - 1) * PAGE_SIZE, ordered.size());
        return SearchPage.of(form, r, ordered.subList(from, Math.min(from + PAGE_SIZE, ordered.size())), waiting, PAGE_SIZE, ordered.size());
    }

    private void render(Context ctx, SearchPage page) {
        long behind = indexLag(ctx);
        String html = templates.render("search.jte", page.withIndexBehind(behind));
        if (AccountSessions.viewer(ctx) != null) {
            // as a String result, so that the account header replaces the log-in links (it cannot edit a streamed body)
            ctx.contentType("text/html; charset=utf-8").result(html);
            return;
        }
        CachedBody.of(html.getBytes(StandardCharsets.UTF_8)).send(ctx, "text/html; charset=utf-8");
    }

    /**
     * Search never passes off an index that is catching up as the whole catalog: the answer comes from
     * what is indexed, and says how far behind that is (header {@value #BEHIND_HEADER}, a notice on the
     * page); with nothing indexed yet, the API answers 503 with Retry-After instead of an empty list.
     */
    private long indexLag(Context ctx) {
        long behind = search.indexBehind();
        ctx.header(BEHIND_HEADER, Long.toString(behind));
        return behind;
    }

    /**
     * {@code /api/papers/search?q=&p=&limit=}: one page of results as daily items, the total in
     * {@code X-Total-Count} and the next page in a {@code Link} header (the body stays the plain
     * array the Hugging Face client reads). No query lists the newest papers, as {@code list_papers()} expects.
     */
    private void api(Context ctx) {
        String q = ctx.queryParam("q");
        int limit = intParam(ctx, "limit", API_DEFAULT_LIMIT, 1, API_MAX_LIMIT);
        int page = intParam(ctx, "p", 0, 0, PaperSearch.MAX_RESULTS);
        if (q == null || q.isBlank()) {
            sendJson(ctx, json.dailyList(ApiRoutes.recent(papers, new Paging(Math.min(page, Paging.MAX_PAGE), limit))));
            return;
        }
        PaperSearch.Mode mode = enumParam(ctx, "mode", PaperSearch.Mode.class, PaperSearch.Mode.HYBRID);
        PaperSearch.Order order = enumParam(ctx, "sort", PaperSearch.Order.class, PaperSearch.Order.RELEVANCE);
        boolean explain = booleanParam(ctx, "explain");
        ParsedQuery parsed;
        try {
            parsed = QueryParser.parse(q);
        } catch (QueryException e) {
            throw new HttpError(400, e.getMessage());
        }
        if (parsed.arxivId().isPresent()) {
            List<Paper> one = papers.findShown(parsed.arxivId().get().base()).map(List::of).orElse(List.of());
            ctx.header("X-Total-Count", String.valueOf(page == 0 ? one.size() : 0));
            sendJson(ctx, json.dailyList(page == 0 ? one : List.of()));
            return;
        }
        long behind = indexLag(ctx);
        if (behind > 0 && search.index().size() == 0) {
            ctx.header("Retry-After", Integer.toString(EMPTY_INDEX_RETRY_SECONDS));
            throw new HttpError(503, "the search index is being built (" + behind + " changes to go); try again shortly");
        }
        try {
            var r = search.search().search(new PaperSearch.Request(parsed, mode, order, page * limit, limit, false, explain, true));
            ctx.header("X-Total-Count", String.valueOf(r.total()));
            long reachable = Math.min(r.total(), PaperSearch.MAX_RESULTS);
            if ((long) (page + 1) * limit < reachable) {
                ctx.header("Link", "<" + nextPage(ctx, page + 1) + ">; rel=\"next\"");
            }
            sendJson(ctx, explain ? explained(r.hits()) : json.dailyList(withPapers(r.hits()).stream().map(SearchPage.Result::paper).toList()));
        } catch (QueryException e) {
            throw new HttpError(400, e.getMessage());
        }
    }

    /** This request's URL with page {@code p} (relative, as RFC 8288 allows). */
    private static String nextPage(Context ctx, int p) {
        StringBuilder b = new StringBuilder(ctx.path()).append("?");
        ctx.queryParamMap().forEach((k, vs) -> {
            if (k.equals("p")) return;
            vs.forEach(v -> b.append(Urls.encode(k)).append('=').append(Urls.encode(v)).append('&'));
        });
        return b.append("p=").append(p).toString();
    }

    private void sendJson(Context ctx, Object node) {
        CachedBody.of(json.bytes(node)).send(ctx, "application/json");
    }

    /** The API's entries, each with its hit's score parts under "explain". */
    private ArrayNode explained(List<PaperSearch.Hit> hits) {
        Map<String, Paper> found = papers.findMany(hits.stream().map(PaperSearch.Hit::id).toList());
        ArrayNode out = json.dailyList(List.of());
        for (PaperSearch.Hit h : hits) {
            Paper p = found.get(h.id());
            if (p == null) continue;
            out.add(json.dailyEntry(p, null).set("explain", h.explain().toJson()));
        }
        return out;
    }

    private static boolean booleanParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank() || v.equalsIgnoreCase("false") || v.equals("0")) return false;
        if (v.equalsIgnoreCase("true") || v.equals("1")) return true;
        throw new HttpError(400, name + ": expected true or false, got '" + v + "'");
    }

    private void similar(Context ctx) {
        ArxivId id = Params.arxivId(ctx.pathParam("id"));
        int limit = intParam(ctx, "limit", 10, 1, 50);
        if (papers.findShown(id.base()).isEmpty()) throw new HttpError(404, "no paper " + id.base());
        var hits = search.search().similar(id.base(), limit);
        ctx.json(json.dailyList(withPapers(hits).stream().map(SearchPage.Result::paper).toList()));
    }

    /** For the paper page: never fails the page, an index still being built just shows none. */
    public List<Paper> similarTo(Paper paper, int limit) {
        try {
            return withPapers(search.search().similar(paper.id().base(), limit)).stream().map(SearchPage.Result::paper).toList();
        } catch (RuntimeException e) {
            LOG.warn("similar papers of {} unavailable: {}", paper.id().base(), e.getMessage());
            return List.of();
        }
    }

    /** Papers for the hits, in hit order, from the database (the truth: votes and comments are current there). */
    private List<SearchPage.Result> withPapers(List<PaperSearch.Hit> hits) {
        Map<String, Paper> found = papers.findMany(hits.stream().map(PaperSearch.Hit::id).toList());
        List<SearchPage.Result> out = new ArrayList<>();
        for (PaperSearch.Hit h : hits) {
            Paper p = found.get(h.id());
            if (p != null) out.add(new SearchPage.Result(p, h.snippet()));
        }
        return out;
    }

    private static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type, E fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, name + ": unknown value '" + v + "'");
        }
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new HttpError(400, name + ": expected a number from " + min + " to " + max + ", got '" + v + "'");
    }
}
