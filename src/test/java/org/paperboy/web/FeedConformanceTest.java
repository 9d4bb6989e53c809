package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.Paper;
import org.paperboy.store.TestDatabases;

/**
 * Feeds read by a real Atom parser (Rome), checked against RFC 4287's required elements, paged by
 * RFC 5005 links until a reader has every paper, and served with validators for conditional polling.
 */
class FeedConformanceTest {

    @TempDir
    Path tmp;

    static final LocalDate DAY1 = LocalDate.of(2026, 11, 23);
    static final LocalDate DAY2 = LocalDate.of(2026, 11, 24);
    static final LocalDate DAY3 = LocalDate.of(2026, 11, 25);
    static final LocalDate OLD = LocalDate.of(2026, 11, 20);

    private final HttpClient http = HttpClient.newHttpClient();

    /** 450 papers on the newest day (over two pages), 30 and 20 before, and 5 on an older day the feed leaves out. */
    private static Set<String> load(TestSite site) {
        Set<String> recent = new HashSet<>();
        List<Paper> ps = new ArrayList<>();
        int n = 0;
        LocalDate[] days = {DAY3, DAY2, DAY1, OLD};
        int[] counts = {450, 30, 20, 5};
        for (int d = 0; d < days.length; d++) {
            LocalDate day = days[d];
            for (int i = 0; i < counts[d]; i++) {
                String id = String.format("2611.%05d", ++n);
                String cat = i % 3 == 0 ? "math.AG" : i % 3 == 1 ? "cs.CL" : "cs.LG";
                ps.add(TestSite.paper(id, "Paper " + n + " with $x^2$ & <b>", day, cat));
                if (day != OLD) recent.add(id);
            }
        }
        site.add(ps.toArray(Paper[]::new));
        return recent;
    }

    static Feed parse(String xml) {
        try {
            return (Feed) new WireFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            throw new AssertionError("not an Atom feed Rome can read: " + e, e);
        }
    }

    /** RFC 4287 4.1.1 and 4.1.2: what every feed and entry must carry. */
    static void assertRfc4287(Feed f) {
        assertNotNull(f.getId(), "atom:id");
        assertNotNull(f.getTitleEx(), "atom:title");
        assertNotNull(f.getUpdated(), "atom:updated");
        assertTrue(f.getOtherLinks().stream().anyMatch(l -> "self".equals(l.getRel())), "a self link");
        boolean feedAuthor = f.getAuthors() != null && !f.getAuthors().isEmpty();
        Set<String> ids = new HashSet<>();
        for (Entry e : f.getEntries()) {
            assertNotNull(e.getId(), "entry id");
            assertTrue(ids.add(e.getId()), "entry ids are unique in a feed document: " + e.getId());
            assertNotNull(e.getTitleEx(), "entry title");
            assertNotNull(e.getUpdated(), "entry updated");
            assertTrue(feedAuthor || !e.getAuthors().isEmpty(), "an author for each entry");
            assertFalse(e.getAlternateLinks().isEmpty(), "an alternate link (no content element)");
            assertNotNull(e.getSummary(), "a summary, since there is no content");
        }
    }

    private static String link(Feed f, String rel) {
        return f.getOtherLinks().stream().filter(l -> rel.equals(l.getRel())).map(Link::getHref).findFirst().orElse(null);
    }

    /** Follows next links from {@code path} as a reader does, collecting the arXiv ids. */
    private List<String> readAll(TestSite site, String path) {
        List<String> ids = new ArrayList<>();
        String next = path;
        int pages = 0;
        while (next != null) {
            Feed f = parse(site.body(next));
            assertRfc4287(f);
            f.getEntries().forEach(e -> ids.add(e.getId().substring(e.getId().lastIndexOf('/') + 1)));
            String href = link(f, "next");
            next = href == null ? null : URI.create(href).getRawPath() + (URI.create(href).getRawQuery() == null ? "" : "?" + URI.create(href).getRawQuery());
            assertTrue(++pages < 20, "paging ends");
        }
        return ids;
    }

    @Test
    void theSiteFeedPagesThroughEveryPaperOfTheThreeLatestDays() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            Set<String> recent = load(site);
            Feed first = parse(site.body("/feed.atom"));
            assertEquals(ListingRoutes.FEED_PAGE, first.getEntries().size());
            assertEquals("https://papers.example.org/feed.atom?p=1", link(first, "next"));
            assertEquals("https://papers.example.org/feed.atom", link(first, "first"));
            assertEquals("https://papers.example.org/feed.atom?p=2", link(first, "last"));
            assertNull(link(first, "previous"));
            Feed second = parse(site.body("/feed.atom?p=1"));
            assertEquals(first.getId(), second.getId(), "pages of one feed share its id");
            assertEquals("https://papers.example.org/feed.atom", link(second, "previous"));

            List<String> all = readAll(site, "/feed.atom");
            assertEquals(recent.size(), all.size(), "no paper twice, none missing");
            assertEquals(recent, new HashSet<>(all));

            List<String> cs = readAll(site, "/feed.atom?cat=cs");
            assertEquals(300 + 20 + 13, cs.size(), "the cs.CL and cs.LG papers of the three days");
            Feed csFeed = parse(site.body("/feed.atom?cat=cs"));
            for (Entry e : csFeed.getEntries()) {
                assertTrue(e.getCategories().stream().anyMatch(c -> c.getTerm().startsWith("cs.")), "cat=cs means every cs category");
            }
            assertEquals(400, site.get("/feed.atom?p=-1").statusCode());
        }
    }

    @Test
    void aBusyDayFeedPagesToo() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            load(site);
            List<String> all = readAll(site, "/papers/2026-11-25.atom");
            assertEquals(450, all.size());
            assertEquals(450, new HashSet<>(all).size());
            assertEquals(150, readAll(site, "/papers/2026-11-25.atom?cat=math.AG").size());
            assertEquals(300, readAll(site, "/papers/2026-11-25.atom?cat=cs").size(), "an archive is all its categories");
        }
    }

    @Test
    void oneCategoryRuleForFeedsPagesAndTheApi() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            load(site);
            for (String path : List.of("/feed.atom?cat=", "/papers/2026-11-25.atom?cat=", "/api/daily_papers?date=2026-11-25&cat=", "/papers?date=2026-11-25&cat=")) {
                assertEquals(400, site.get(path + "xx.YY").statusCode(), path + " unknown archive");
                assertEquals(400, site.get(path + "DROP%20TABLE").statusCode(), path);
                assertEquals(200, site.get(path + "cs").statusCode(), path + " an archive");
                assertEquals(200, site.get(path + "cs.CL").statusCode(), path);
            }
            assertEquals(100, site.body("/api/daily_papers?date=2026-11-25&cat=cs&limit=100").split("\"paper\":").length - 1);
        }
    }

    @Test
    void entriesKeepTheirTimesAndTextSurvivesParsing() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            load(site);
            Entry e = parse(site.body("/papers/2026-11-25.atom")).getEntries().get(0);
            assertTrue(e.getTitleEx().getValue().contains("$x^2$ & <b>"), e.getTitleEx().getValue());
            assertNotNull(e.getPublished());
        }
    }

    @Test
    void entriesCarryTheTimeOfDayArxivGaveAndMidnightUtcWhereOnlyTheDateIsKnown() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            Instant published = Instant.parse("2026-11-23T16:52:52Z");
            Instant revised = Instant.parse("2026-11-25T15:26:49Z");
            Paper timed = TestSite.paper("2611.00001v2", "Timed", DAY3, "cs.CL");
            timed = new Paper(timed.id(), timed.title(), timed.authors(), timed.abstractText(), timed.primaryCategory(), timed.categories(),
                    null, null, null, null, published.atZone(ZoneOffset.UTC).toLocalDate(), DAY3, timed.versions(), DAY3, List.of(), 0, 0,
                    published, revised);
            site.add(timed, TestSite.paper("2611.00002", "Dated", DAY3, "cs.CL"));

            Feed f = parse(site.body("/papers/2026-11-25.atom"));
            assertRfc4287(f);
            Map<String, Entry> byId = new HashMap<>();
            f.getEntries().forEach(e -> byId.put(e.getId().substring(e.getId().lastIndexOf('/') + 1), e));
            assertEquals(Date.from(published), byId.get("2611.00001").getPublished(), "16:52:52Z survives");
            assertEquals(Date.from(revised), byId.get("2611.00001").getUpdated(), "the latest version's time, after the listing day began");
            assertEquals(Date.from(Instant.parse("2026-11-23T00:00:00Z")), byId.get("2611.00002").getPublished(), "a date alone is midnight UTC");
            assertEquals(Date.from(Instant.parse("2026-11-25T00:00:00Z")), byId.get("2611.00002").getUpdated(), "the listing day");
            assertFalse(f.getUpdated().before(Date.from(revised)), "the feed changed no earlier than its newest entry");

            assertTrue(site.body("/api/papers/2611.00001").contains("\"publishedAt\":\"2026-11-23T16:52:52.000Z\""),
                    "the HF API's paper.publishedAt keeps the time too");
        }
    }

    private HttpResponse<String> get(TestSite site, String path, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.server.port() + path));
            if (headers.length > 0) b.headers(headers);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void conditionalRequestsAnswer304UntilTheContentChanges() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            load(site);
            for (String path : List.of("/feed.atom", "/papers/2026-11-25.atom", "/api/papers/2611.00001", "/papers/2611.00001",
                    "/papers/2611.00001.bib", "/papers/2611.00001.md", "/api/daily_papers?date=2026-11-25", "/api/papers")) {
                HttpResponse<String> r = get(site, path);
                assertEquals(200, r.statusCode(), path);
                String etag = r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
                String modified = r.headers().firstValue("Last-Modified").orElseThrow(() -> new AssertionError("no Last-Modified on " + path));
                assertTrue(modified.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), "IMF-fixdate: " + modified);
                assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")), path);
                HttpResponse<String> again = get(site, path, "If-None-Match", etag);
                assertEquals(304, again.statusCode(), path);
                assertEquals("", again.body());
                assertEquals(304, get(site, path, "If-Modified-Since", modified).statusCode(), path + " by date");
                assertEquals(200, get(site, path, "If-None-Match", "\"other\"", "If-Modified-Since", modified).statusCode(),
                        path + ": If-None-Match decides when both are sent");
                HttpResponse<String> gz = get(site, path, "Accept-Encoding", "gzip");
                assertTrue(gz.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")), path + " gzipped");
            }
            String etag = get(site, "/feed.atom").headers().firstValue("ETag").orElseThrow();
            site.add(TestSite.paper("2611.09999", "A new paper", DAY3, "cs.CL"));
            assertEquals(200, get(site, "/feed.atom", "If-None-Match", etag).statusCode(), "a new paper changes the feed");
        }
    }

    @Test
    void corsOnReadsOnly() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            load(site);
            for (String path : List.of("/api/daily_papers", "/api/papers/2611.00001", "/feed.atom", "/papers/2026-11-25.atom", "/papers/2611.00001.bib")) {
                HttpResponse<String> r = get(site, path, "Origin", "https://elsewhere.example");
                assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
                assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("ETag"), path);
            }
            assertTrue(get(site, "/papers/2611.00001", "Origin", "https://elsewhere.example").headers()
                    .firstValue("Access-Control-Allow-Origin").isEmpty(), "HTML pages are not shared");
            try {
                HttpResponse<String> pre = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.server.port() + "/api/daily_papers"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
                        .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "if-none-match").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(204, pre.statusCode());
                assertEquals("*", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
                assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
                HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.server.port() + "/api/papers/2611.00001"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
                        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(write.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS for a write");
                HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.server.port() + "/api/papers/2611.00001"))
                        .POST(HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example").build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(post.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS on a POST");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
