package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.paperboy.config.Settings;
import org.paperboy.paper.Paper;
import org.paperboy.rank.CategoryFilter;
import org.paperboy.rank.Period;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.community.CommunityHooks;

/** The listing pages: {@code /}, a day, a week, a month, and the site-wide Atom feed. */
public final class ListingRoutes implements RouteGroup {

    /** The site feed carries every paper of this many latest listing days, paged. */
    static final int FEED_DAYS = 3;
    /** Entries per feed page: about 300 KB of Atom, the size readers handle well. */
    static final int FEED_PAGE = 200;

    private final Settings settings;
    private final ListingService listings;
    private final PaperRepository papers;
    private final Templates templates;
    private final ListingPages pages;
    private final Supplier<Optional<String>> harvestError;
    private final CommunityHooks community;

    public ListingRoutes(Settings settings, ListingService listings, PaperRepository papers, Templates templates) {
        this(settings, listings, papers, templates, CommunityHooks.NONE);
    }

    /** @param community per-visitor parts (upvote state) for signed-in visitors */
    public ListingRoutes(Settings settings, ListingService listings, PaperRepository papers, Templates templates,
                         CommunityHooks community) {
        this(settings, listings, papers, templates, community, Optional::empty);
    }

    /** @param harvestError the last harvest's error while it has not succeeded since, for the first-run page */
    public ListingRoutes(Settings settings, ListingService listings, PaperRepository papers, Templates templates,
                         CommunityHooks community, Supplier<Optional<String>> harvestError) {
        this.harvestError = harvestError;
        this.community = community;
        this.settings = settings;
        this.listings = listings;
        this.papers = papers;
        this.templates = templates;
        this.pages = new ListingPages(settings.baseUrl().toString());
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", this::latest);
        routes.get("/papers", this::papers);
        routes.get("/papers/week", ctx -> redirectToLatest(ctx, d -> Period.Week.containing(d)));
        routes.get("/papers/month", ctx -> redirectToLatest(ctx, d -> new Period.Month(YearMonth.from(d))));
        routes.get("/papers/week/{week}", ctx -> show(ctx, Params.period(() -> Period.week(ctx.pathParam("week")))));
        routes.get("/papers/month/{month}", ctx -> show(ctx, Params.period(() -> Period.month(ctx.pathParam("month")))));
        // Hugging Face's URL of a day, so links written for it work here too
        routes.get("/papers/date/{date}", ctx -> show(ctx, Params.period(() -> Period.day(ctx.pathParam("date")))));
        routes.get("/feed.atom", this::siteFeed);
    }

    private void latest(Context ctx) {
        Optional<LocalDate> latest = listings.latestDay();
        if (latest.isEmpty()) {
            firstRun(ctx);
            return;
        }
        show(ctx, new Period.Day(latest.get()));
    }

    private void papers(Context ctx) {
        String date = ctx.queryParam("date");
        String week = ctx.queryParam("week");
        String month = ctx.queryParam("month");
        if (week != null) {
            show(ctx, Params.period(() -> Period.week(week)));
        } else if (month != null) {
            show(ctx, Params.period(() -> Period.month(month)));
        } else if (date == null || date.isBlank()) {
            latest(ctx);
        } else {
            show(ctx, Params.period(() -> Period.day(date)));
        }
    }

    private void redirectToLatest(Context ctx, Function<LocalDate, Period> periodOf) {
        Optional<LocalDate> latest = listings.latestDay();
        if (latest.isEmpty()) {
            firstRun(ctx);
            return;
        }
        ListingQuery q = ListingQuery.of(ctx, periodOf.apply(latest.get()));
        ctx.redirect(Urls.listing(q));
    }

    private void show(Context ctx, Period period) {
        ListingQuery q = ListingQuery.of(ctx, period);
        Optional<RenderedListing> page = listings.page(q, this::render);
        if (page.isEmpty()) {
            firstRun(ctx);
            return;
        }
        ListingPage model = page.get().page();
        var viewer = community.viewer(ctx, model.cards().stream().map(Card::id).toList());
        if (viewer == null) {
            page.get().anonymousHtml().send(ctx, "text/html; charset=utf-8");
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result(templates.renderBytes("listing.jte", Map.of("page", model, "viewer", viewer)));
    }

    private Optional<RenderedListing> render(ListingResult r) {
        if (r.catalogEmpty()) return Optional.empty();
        ListingPage page = pages.page(r);
        return Optional.of(new RenderedListing(page, CachedBody.of(templates.renderBytes("listing.jte", Map.<String, Object>of("page", page)))));
    }

    private void firstRun(Context ctx) {
        Duration every = settings.harvestInterval();
        FirstRunPage page = new FirstRunPage(
                Meta.of("Welcome · Paperboy", "Paperboy's catalog is empty: how to harvest or import arXiv papers."),
                settings.harvestCategories(), every == null ? "never" : human(every), settings.harvestEnabled(),
                settings.dataDir().toString(), harvestError.get().orElse(null));
        html(ctx, templates.render("first-run.jte", page));
    }

    /**
     * The papers of the {@link #FEED_DAYS} latest listing days, newest first, {@link #FEED_PAGE}
     * entries a page with RFC 5005 links to the others, so a reader sees every paper of those days.
     */
    private void siteFeed(Context ctx) {
        CategoryFilter cats = Params.parse(() -> ListingQuery.categories(ctx));
        int page = FeedPaging.parsePage(ctx.queryParam("p"));
        Optional<LocalDate> latest = listings.latestDay();
        LocalDate to = latest.orElse(LocalDate.now(settings.timeZone()));
        LocalDate from = to;
        for (int i = 1; i < FEED_DAYS; i++) from = papers.dayBefore(from, cats.expanded()).orElse(from);
        Listing all = new Listing(from, to, cats.expanded(), Listing.Order.LATEST_ADDED, 0, FEED_PAGE);
        FeedPaging paging = new FeedPaging(page, FEED_PAGE, latest.isEmpty() ? 0 : papers.count(all));
        List<Paper> list = latest.isEmpty() ? List.of() : papers.listing(all.page(paging.offset(), FEED_PAGE));
        String base = settings.baseUrl().toString();
        String query = cats.isEmpty() ? "" : "cat=" + Urls.encode(cats.param());
        String feedUrl = base + "/feed.atom";
        String title = "Paperboy: latest papers" + (cats.isEmpty() ? "" : " in " + String.join(", ", cats.categories()));
        atom(ctx, AtomFeed.write(title, FeedPaging.at(feedUrl, query, 0), FeedPaging.at(feedUrl, query, page),
                FeedPaging.at(base + "/", query, 0), base, list, to, paging.links(feedUrl, query)));
    }

    static void html(Context ctx, String body) {
        ctx.contentType("text/html; charset=utf-8").result(body);
    }

    /** With an ETag and Last-Modified, so a reader polling every few minutes gets 304 until the feed changes. */
    static void atom(Context ctx, String body) {
        CachedBody.of(body.getBytes(StandardCharsets.UTF_8)).send(ctx, "application/atom+xml; charset=utf-8");
    }

    private static String human(Duration d) {
        if (d.toDays() > 0 && d.toHoursPart() == 0) return d.toDays() == 1 ? "day" : d.toDays() + " days";
        if (d.toHours() > 0 && d.toMinutesPart() == 0) return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        return d.toMinutes() + " minutes";
    }
}
