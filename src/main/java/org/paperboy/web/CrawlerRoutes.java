package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.config.Settings;
import org.paperboy.rank.CategoryFilter;
import org.paperboy.rank.ListingSort;
import org.paperboy.rank.Paging;
import org.paperboy.rank.Period;
import org.paperboy.store.PaperRepository;

/**
 * What crawlers and browsers look for at a site's root: {@code /robots.txt}, a sitemap index at
 * {@code /sitemap.xml} whose files hold at most {@link #URLS_PER_SITEMAP} URLs each (the sitemaps
 * protocol's limit), and an OpenSearch description so browsers offer Paperboy as a search engine.
 */
public final class CrawlerRoutes implements RouteGroup {

    /** The sitemaps protocol allows 50,000 URLs (and 50 MB) per file. */
    static final int URLS_PER_SITEMAP = 50_000;
    private static final Pattern SITEMAP_FILE = Pattern.compile("(papers|days)-([1-9]\\d{0,5})\\.xml");
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final Settings settings;
    private final PaperRepository papers;
    private final int perFile;

    public CrawlerRoutes(Settings settings, PaperRepository papers) {
        this(settings, papers, URLS_PER_SITEMAP);
    }

    /** @param perFile URLs per sitemap file (tests make it small) */
    CrawlerRoutes(Settings settings, PaperRepository papers, int perFile) {
        this.settings = settings;
        this.papers = papers;
        this.perFile = perFile;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/robots.txt", this::robots);
        routes.get("/sitemap.xml", this::index);
        routes.get("/sitemaps/{file}", this::sitemap);
        routes.get("/opensearch.xml", this::openSearch);
    }

    private String base() {
        return settings.baseUrl().toString();
    }

    /** Papers, days and feeds are for everyone; search results, the API and account pages are not worth crawling. */
    private void robots(Context ctx) {
        String body = "User-agent: *\n"
                + "Disallow: /api/\n"
                + "Disallow: /search\n"
                + "Disallow: /account\n"
                + "Disallow: /admin/\n"
                + "Disallow: /moderation\n"
                + "Disallow: /login\n"
                + "Disallow: /signup\n"
                + "Disallow: /submit\n"
                + "Disallow: /subscription/\n"
                + "Allow: /\n"
                + "\n"
                + "Sitemap: " + base() + "/sitemap.xml\n";
        send(ctx, body, "text/plain; charset=utf-8");
    }

    private void index(Context ctx) {
        long paperFiles = files(papers.countShown());
        long dayFiles = files(papers.listingDays().size());
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"" + SITEMAP_NS + "\">\n");
        for (long i = 0; i < paperFiles; i++) b.append("<sitemap><loc>").append(base()).append("/sitemaps/papers-").append(i + 1).append(".xml</loc></sitemap>\n");
        for (long i = 0; i < dayFiles; i++) b.append("<sitemap><loc>").append(base()).append("/sitemaps/days-").append(i + 1).append(".xml</loc></sitemap>\n");
        send(ctx, b.append("</sitemapindex>\n").toString(), "application/xml; charset=utf-8");
    }

    private long files(long urls) {
        return (urls + perFile - 1) / perFile;
    }

    /** {@code papers-N.xml} or {@code days-N.xml}, N from 1. */
    private void sitemap(Context ctx) {
        String file = ctx.pathParam("file");
        Matcher m = SITEMAP_FILE.matcher(file);
        if (!m.matches()) throw HttpError.notFound("no sitemap " + (file.length() > 40 ? file.substring(0, 40) + "…" : file));
        int n = Integer.parseInt(m.group(2));
        long offset = (long) (n - 1) * perFile;
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" + SITEMAP_NS + "\">\n");
        int count = 0;
        if (m.group(1).equals("papers")) {
            for (Map.Entry<String, LocalDate> e : papers.shownIds(offset, perFile)) {
                url(b, base() + Urls.paper(e.getKey()), e.getValue());
                count++;
            }
        } else {
            List<LocalDate> days = papers.listingDays();
            for (long i = offset; i < Math.min(days.size(), offset + perFile); i++) {
                url(b, base() + Urls.listing(new Period.Day(days.get((int) i)), CategoryFilter.NONE, Paging.FIRST, ListingSort.UPVOTES), days.get((int) i));
                count++;
            }
        }
        if (count == 0) throw HttpError.notFound("no sitemap " + file + ": the catalog has fewer URLs");
        send(ctx, b.append("</urlset>\n").toString(), "application/xml; charset=utf-8");
    }

    private static void url(StringBuilder b, String loc, LocalDate lastmod) {
        b.append("<url><loc>").append(xml(loc)).append("</loc>");
        if (lastmod != null) b.append("<lastmod>").append(lastmod).append("</lastmod>");
        b.append("</url>\n");
    }

    /** The OpenSearch 1.1 description that {@code <link rel="search">} on every page points to. */
    private void openSearch(Context ctx) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
                + "  <ShortName>Paperboy</ShortName>\n"
                + "  <Description>Search research papers on " + xml(base()) + "</Description>\n"
                + "  <InputEncoding>UTF-8</InputEncoding>\n"
                + "  <Url type=\"text/html\" method=\"get\" template=\"" + xml(base()) + "/search?q={searchTerms}\"/>\n"
                + "  <Url type=\"application/json\" method=\"get\" template=\"" + xml(base()) + "/api/papers/search?q={searchTerms}&amp;p={startPage?}\" indexOffset=\"0\" pageOffset=\"0\"/>\n"
                + "  <Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\"" + xml(base()) + "/opensearch.xml\"/>\n"
                + "</OpenSearchDescription>\n";
        send(ctx, body, "application/opensearchdescription+xml; charset=utf-8");
    }

    private static void send(Context ctx, String body, String type) {
        CachedBody.of(body.getBytes(StandardCharsets.UTF_8)).send(ctx, type);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
