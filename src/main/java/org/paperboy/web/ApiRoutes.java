package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Optional;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperJson;
import org.paperboy.rank.Period;
import org.paperboy.store.PaperRepository;

/**
 * The JSON API, shaped like Hugging Face's: {@code /api/daily_papers} and {@code /api/papers/{id}}.
 * Errors become {@code {"error","status"}} bodies in {@link WebServer}.
 */
public final class ApiRoutes implements RouteGroup {

    private static final String JSON = "application/json";

    private final ListingService listings;
    private final PaperRepository papers;
    private final PaperJson json = new PaperJson();

    public ApiRoutes(ListingService listings, PaperRepository papers) {
        this.listings = listings;
        this.papers = papers;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/daily_papers", this::daily);
        routes.get("/api/papers/<id>", this::paper);
    }

    private void daily(Context ctx) {
        Optional<Period> period = period(ctx);
        if (period.isEmpty()) {
            ctx.contentType(JSON).result("[]");
            return;
        }
        listings.apiBody(ListingQuery.of(ctx, period.get())).send(ctx, JSON);
    }

    /** {@code date}, {@code week} or {@code month}; none means the latest day with papers (empty when there is none). */
    private Optional<Period> period(Context ctx) {
        String date = given(ctx, "date");
        String week = given(ctx, "week");
        String month = given(ctx, "month");
        int given = (date != null ? 1 : 0) + (week != null ? 1 : 0) + (month != null ? 1 : 0);
        if (given > 1) throw HttpError.badRequest("give one of date, week or month, not several");
        if (date != null) return Optional.of(Params.period(() -> Period.day(date)));
        if (week != null) return Optional.of(Params.period(() -> Period.week(week)));
        if (month != null) return Optional.of(Params.period(() -> Period.month(month)));
        Optional<LocalDate> latest = listings.latestDay();
        return latest.map(Period.Day::new);
    }

    /** An empty parameter ({@code ?date=}) counts as absent, as some clients send it. */
    private static String given(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v;
    }

    private void paper(Context ctx) {
        ArxivId id = Params.arxivId(ctx.pathParam("id"));
        Paper p = papers.findShown(id.base()).orElseThrow(() -> HttpError.notFound("no paper arXiv:" + id.base() + " in this catalog"));
        ctx.contentType(JSON).result(json.bytes(json.fullPaper(p, papers.submitters(java.util.List.of(p.id().base())).get(p.id().base()))));
    }
}
