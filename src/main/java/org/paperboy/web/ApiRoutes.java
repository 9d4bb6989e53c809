package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperJson;
import org.paperboy.paper.Submitter;
import org.paperboy.paper.ThumbnailUrls;
import org.paperboy.rank.ListingSort;
import org.paperboy.rank.Paging;
import org.paperboy.rank.Period;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;

/**
 * The JSON API, shaped like Hugging Face's: {@code /api/daily_papers}, {@code /api/papers} and
 * {@code /api/papers/{id}}. Errors become {@code {"error","status"}} bodies in {@link WebServer}.
 */
public final class ApiRoutes implements RouteGroup {

    private static final String JSON = "application/json";
    /** The parameters {@code /api/daily_papers} takes; any other is refused, so a typo does not silently list everything. */
    static final Set<String> DAILY_PARAMS = Set.of("date", "week", "month", "submitter", "sort", "p", "limit", "cat", "category");
    /** The whole catalog as a listing period, for "recent papers" (listing dates are ISO text). */
    private static final Period ALL_TIME = new Period.Day(LocalDate.of(1, 1, 1));

    private final ListingService listings;
    private final PaperRepository papers;
    private final PaperJson json;

    public ApiRoutes(ListingService listings, PaperRepository papers) {
        this(listings, papers, ThumbnailUrls.NONE);
    }

    public ApiRoutes(ListingService listings, PaperRepository papers, ThumbnailUrls thumbnails) {
        this.listings = listings;
        this.papers = papers;
        this.json = new PaperJson(thumbnails);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/daily_papers", this::daily);
        routes.get("/api/papers", this::recent);
        routes.get("/api/papers/<id>", this::paper);
        routes.get("/avatars/{file}", this::avatar);
    }

    /**
     * The picture an account's {@code avatarUrl} names: its initial on a colour of its own, made
     * here since accounts have no pictures (Hugging Face's generated avatars are SVGs too).
     */
    private void avatar(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("[A-Za-z0-9_.-]{1,40}\\.svg")) throw HttpError.notFound("no avatar " + shorten(file));
        String name = file.substring(0, file.length() - 4);
        int hue = Math.floorMod(name.toLowerCase(Locale.ROOT).hashCode(), 360);
        String initial = name.substring(0, 1).toUpperCase(Locale.ROOT);
        ctx.header("Cache-Control", "public, max-age=86400").contentType("image/svg+xml").result(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">"
                + "<rect width=\"64\" height=\"64\" rx=\"32\" fill=\"hsl(" + hue + ",55%,45%)\"/>"
                + "<text x=\"32\" y=\"42\" font-family=\"sans-serif\" font-size=\"28\" text-anchor=\"middle\" fill=\"#fff\">"
                + initial + "</text></svg>");
    }

    private void daily(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!DAILY_PARAMS.contains(name)) throw HttpError.badRequest("unknown parameter '" + shorten(name) + "'; this endpoint takes " + String.join(", ", DAILY_PARAMS.stream().sorted().toList()));
        }
        Optional<Period> period = period(ctx);
        if (period.isEmpty()) {
            ctx.contentType(JSON).result("[]");
            return;
        }
        ListingQuery q = query(ctx, period.get());
        String submitter = given(ctx, "submitter");
        if (submitter != null) {
            List<Paper> list = submittedBy(submitter, q);
            sendList(ctx, list);
            return;
        }
        listings.apiBody(q).send(ctx, JSON);
    }

    /** Hugging Face's API sorts by {@code publishedAt} (newest on the daily page first) unless told otherwise. */
    private static ListingQuery query(Context ctx, Period period) {
        ListingQuery q = ListingQuery.of(ctx, period);
        String sort = ctx.queryParam("sort");
        return sort == null || sort.isBlank() ? new ListingQuery(q.period(), q.categories(), q.paging(), ListingSort.NEWEST) : q;
    }

    /** One account's submissions in the period, with the query's categories, order and page; a few per account, so sorted here. */
    private List<Paper> submittedBy(String username, ListingQuery q) {
        List<String> ids = papers.submittedBy(username, q.period().from(), q.period().to());
        Map<String, Paper> found = papers.findMany(ids);
        Set<String> hidden = papers.hiddenAmong(ids);
        List<Paper> list = new ArrayList<>();
        for (String id : ids) {
            Paper p = found.get(id);
            if (p == null || hidden.contains(id)) continue;
            if (!q.categories().isEmpty() && p.categories().stream().noneMatch(q.categories()::has)) continue;
            list.add(p);
        }
        if (q.sort() != ListingSort.NEWEST) list.sort(Comparator.comparingInt(Paper::upvotes).reversed());
        return q.paging().of(list);
    }

    /** {@code date}, {@code week} or {@code month}; none means the latest day with papers or submissions (empty when there is none). */
    private Optional<Period> period(Context ctx) {
        String date = given(ctx, "date");
        String week = given(ctx, "week");
        String month = given(ctx, "month");
        int given = (date != null ? 1 : 0) + (week != null ? 1 : 0) + (month != null ? 1 : 0);
        if (given > 1) throw HttpError.badRequest("give one of date, week or month, not several");
        if (date != null) return Optional.of(Params.period(() -> Period.day(date)));
        if (week != null) return Optional.of(Params.period(() -> Period.week(week)));
        if (month != null) return Optional.of(Params.period(() -> Period.month(month)));
        return listings.latestFeaturedDay().map(Period.Day::new);
    }

    /** An empty parameter ({@code ?date=}) counts as absent, as some clients send it. */
    private static String given(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static String shorten(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    /** {@code /api/papers}: the newest papers of the catalog, as daily items, {@code p} and {@code limit} as in daily_papers. */
    private void recent(Context ctx) {
        Paging paging = Params.parse(() -> Paging.parse(ctx.queryParam("p"), ctx.queryParam("limit")));
        sendList(ctx, recent(papers, paging));
    }

    private void sendList(Context ctx, List<Paper> list) {
        CachedBody.of(json.bytes(json.dailyList(list, papers.submitters(list.stream().map(p -> p.id().base()).toList())))).send(ctx, JSON);
    }

    /** The newest listed papers, newest day first. */
    static List<Paper> recent(PaperRepository papers, Paging paging) {
        return papers.listing(new Listing(ALL_TIME.from(), LocalDate.of(9999, 12, 31), List.of(), Listing.Order.NEWEST, paging.offset(), paging.limit()));
    }

    private void paper(Context ctx) {
        ArxivId id = Params.arxivId(ctx.pathParam("id"));
        Paper p = papers.findShown(id.base()).orElseThrow(() -> HttpError.notFound("no paper arXiv:" + id.base() + " in this catalog"));
        Submitter s = papers.submitters(List.of(p.id().base())).get(p.id().base());
        CachedBody.of(json.bytes(json.fullPaper(p, s))).send(ctx, JSON);
    }
}
