package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.paperboy.config.Settings;
import org.paperboy.enrich.ThumbnailStore;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.StarCounts;
import org.paperboy.paper.ThumbnailUrls;
import org.paperboy.rank.CategoryFilter;
import org.paperboy.rank.ListingSort;
import org.paperboy.rank.Paging;
import org.paperboy.rank.Period;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.community.CommunityHooks;

/**
 * {@code /papers/{arxivId}}, its {@code .bib}, and a day's feed {@code /papers/{date}.atom}.
 * Old-style ids hold a slash ({@code hep-th/9901001}), so one catch-all route takes the rest of
 * the path and tells the three apart by suffix. Register this group after every other group
 * with routes under {@code /papers/}, since the catch-all matches those paths too.
 */
public final class PaperRoutes implements RouteGroup {

    private static final String BIB = ".bib";
    private static final String ATOM = ".atom";
    private static final String MARKDOWN = ".md";
    /** Entries per page of a day feed (the busiest days have over 1,000 papers). */
    static final int DAY_FEED_PAGE = 200;
    private static final String THUMBNAIL = "/thumbnail";
    /** A rendered thumbnail never changes; a placeholder is asked again within the hour. */
    static final String THUMBNAIL_CACHE = "public, max-age=2592000";
    static final String PLACEHOLDER_CACHE = "public, max-age=3600";
    /** A day's BibTeX file holds the whole day (the busiest have about 1,500 papers). */
    static final int DAY_BIB_LIMIT = 5_000;

    private final Settings settings;
    private final PaperRepository papers;
    private final Templates templates;
    private final CommunityHooks community;
    private final SimilarPapers similar;
    private final ThumbnailStore thumbnailFiles;
    private final ThumbnailUrls thumbnails;
    private final StarCounts stars;

    public PaperRoutes(Settings settings, PaperRepository papers, Templates templates) {
        this(settings, papers, templates, CommunityHooks.NONE, SimilarPapers.NONE);
    }

    /**
     * @param community the upvote button and discussion of each paper page
     * @param similar   the "Similar papers" section
     */
    public PaperRoutes(Settings settings, PaperRepository papers, Templates templates,
            CommunityHooks community, SimilarPapers similar) {
        this(settings, papers, templates, community, similar, ThumbnailUrls.NONE);
    }

    /** @param thumbnails each paper's picture for {@code og:image} */
    public PaperRoutes(Settings settings, PaperRepository papers, Templates templates,
            CommunityHooks community, SimilarPapers similar, ThumbnailUrls thumbnails) {
        this(settings, papers, templates, community, similar, thumbnails, StarCounts.NONE);
    }

    /** @param stars the GitHub stars shown beside code links */
    public PaperRoutes(Settings settings, PaperRepository papers, Templates templates,
            CommunityHooks community, SimilarPapers similar, ThumbnailUrls thumbnails, StarCounts stars) {
        this.stars = stars;
        this.thumbnails = thumbnails;
        this.community = community;
        this.similar = similar;
        this.settings = settings;
        this.papers = papers;
        this.templates = templates;
        this.thumbnailFiles = new ThumbnailStore(settings.dataDir());
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/papers/<path>", this::dispatch);
    }

    private void dispatch(Context ctx) {
        String path = ctx.pathParam("path");
        if (path.endsWith(BIB)) {
            bibtex(ctx, path.substring(0, path.length() - BIB.length()));
        } else if (path.endsWith(MARKDOWN)) {
            markdown(ctx, path.substring(0, path.length() - MARKDOWN.length()));
        } else if (path.endsWith(THUMBNAIL)) {
            thumbnail(ctx, path.substring(0, path.length() - THUMBNAIL.length()));
        } else if (path.endsWith(ATOM)) {
            dayFeed(ctx, path.substring(0, path.length() - ATOM.length()));
        } else {
            page(ctx, path);
        }
    }

    /** The paper, or 404; a hidden one only for admins. */
    private Paper load(Context ctx, ArxivId id) {
        Paper p = papers.find(id.base()).orElseThrow(() -> HttpError.notFound("No paper arXiv:" + id.base() + " in this catalog."));
        if (community.hiddenFrom(ctx, p.id().base())) throw HttpError.notFound(PaperRepository.HIDDEN_NOTICE);
        return p;
    }

    private void page(Context ctx, String text) {
        if (ArxivId.parse(text).isEmpty() && looksLikePeriod(text)) {
            // /papers/2026-11-23, /papers/2026-W48 and /papers/2026-11 are guesses at a listing
            Period period = Params.parse(() -> Period.parse(text));
            ctx.redirect(Urls.listing(period, CategoryFilter.NONE, Paging.FIRST, ListingSort.UPVOTES));
            return;
        }
        ArxivId id = Params.arxivId(text);
        Paper p = load(ctx, id);
        String absolute = settings.baseUrl() + Urls.paper(p.id().base());
        String description = Text.oneLine(p.abstractText());
        if (description.length() > 300) description = description.substring(0, 297) + "…";
        Meta meta = Meta.of(Text.oneLine(p.title()) + " · Paperboy", description).withCanonical(absolute).withImage(thumbnails.of(p));
        String listingHref = p.listingDate() == null ? "/" : Urls.listing(new Period.Day(p.listingDate()), CategoryFilter.NONE, Paging.FIRST, ListingSort.UPVOTES);
        PaperPage page = new PaperPage(meta, p, Text.paragraphs(p.abstractText()), Bibtex.of(p), listingHref, id.version(), absolute,
                community.paperSection(ctx, p), community.paperVote(ctx, p), similar.to(p), stars);
        CachedBody.of(templates.render("paper.jte", page).getBytes(StandardCharsets.UTF_8)).send(ctx, "text/html; charset=utf-8");
    }

    private static boolean looksLikePeriod(String text) {
        return text.matches("\\d{4}-(W\\d{2}|\\d{2})(-\\d{2})?");
    }

    private void thumbnail(Context ctx, String text) {
        Paper p = load(ctx, Params.arxivId(text));
        var png = thumbnailFiles.find(p.id().base());
        if (png.isPresent()) {
            try {
                ctx.contentType("image/png").header("Cache-Control", THUMBNAIL_CACHE).result(Files.readAllBytes(png.get()));
                return;
            } catch (IOException e) {
                // unreadable: fall through to the placeholder
            }
        }
        ctx.contentType("image/svg+xml; charset=utf-8").header("Cache-Control", PLACEHOLDER_CACHE)
                .result(PlaceholderThumbnail.svg(p.title(), p.categories().isEmpty() ? p.primaryCategory() : p.categories().get(0)));
    }

    private void bibtex(Context ctx, String text) {
        if (ArxivId.parse(text).isEmpty() && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            dayBibtex(ctx, text);
            return;
        }
        Paper p = load(ctx, Params.arxivId(text));
        ctx.header("Content-Disposition", "inline; filename=\"" + p.id().base().replace('/', '_') + ".bib\"");
        CachedBody.of(Bibtex.of(p).getBytes(StandardCharsets.UTF_8)).send(ctx, "application/x-bibtex; charset=utf-8");
    }

    /** A day's papers in one BibTeX file, best first; keys that would repeat are told apart (a, b, ...). */
    private void dayBibtex(Context ctx, String text) {
        Period.Day day = Params.parse(() -> Period.day(text));
        CategoryFilter cats = Params.parse(() -> ListingQuery.categories(ctx));
        List<Paper> list = papers.listing(new Listing(day.from(), day.to(), cats.expanded(), Listing.Order.UPVOTES, 0, DAY_BIB_LIMIT));
        ctx.header("Content-Disposition", "inline; filename=\"" + day.key() + ".bib\"");
        CachedBody.of(Bibtex.all(list).getBytes(StandardCharsets.UTF_8)).send(ctx, "application/x-bibtex; charset=utf-8");
    }

    /** The paper as Markdown, as Hugging Face serves {@code /papers/{id}.md} (its client's {@code read_paper}). */
    private void markdown(Context ctx, String text) {
        Paper p = load(ctx, Params.arxivId(text));
        CachedBody.of(PaperMarkdown.of(p, settings.baseUrl() + Urls.paper(p.id().base())).getBytes(StandardCharsets.UTF_8))
                .send(ctx, "text/markdown; charset=utf-8");
    }

    /** Every paper of the day, best first, {@link #DAY_FEED_PAGE} a page with RFC 5005 links to the others. */
    private void dayFeed(Context ctx, String text) {
        Period.Day day = Params.parse(() -> Period.day(text));
        CategoryFilter cats = Params.parse(() -> ListingQuery.categories(ctx));
        int page = FeedPaging.parsePage(ctx.queryParam("p"));
        Listing all = new Listing(day.from(), day.to(), cats.expanded(), Listing.Order.UPVOTES, 0, DAY_FEED_PAGE);
        FeedPaging paging = new FeedPaging(page, DAY_FEED_PAGE, papers.count(all));
        List<Paper> list = papers.listing(all.page(paging.offset(), DAY_FEED_PAGE));
        String base = settings.baseUrl().toString();
        String feedUrl = base + "/papers/" + day.key() + ".atom";
        String query = cats.isEmpty() ? "" : "cat=" + Urls.encode(cats.param());
        String pageUrl = base + Urls.listing(day, cats, Paging.FIRST, ListingSort.UPVOTES);
        String title = "Paperboy: papers of " + day.label() + (cats.isEmpty() ? "" : " in " + String.join(", ", cats.categories()));
        ListingRoutes.atom(ctx, AtomFeed.write(title, FeedPaging.at(feedUrl, query, 0), FeedPaging.at(feedUrl, query, page), pageUrl, base,
                list, day.from(), paging.links(feedUrl, query)));
    }
}
