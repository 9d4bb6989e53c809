package org.paperboy.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperboy.config.Settings;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.paper.StarCounts;
import org.paperboy.paper.ThumbnailUrls;
import org.paperboy.store.Database;
import org.paperboy.store.PaperMerger;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;
import org.paperboy.web.community.CommunityHooks;

/**
 * A real Paperboy web server on 127.0.0.1, a random port and a fresh database, with the same
 * route groups as App, called over real HTTP.
 */
final class TestSite implements AutoCloseable {

    static final PaperMerger NEWER_WINS = (stored, incoming) -> incoming.id().version() >= stored.id().version() ? incoming : stored;

    /** Small, so that a few papers already make several sitemap files. */
    static final int SITEMAP_URLS_PER_FILE = 3;

    final Database db;
    final PaperRepository papers;
    final ListingService listings;
    final WebServer server;
    final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    TestSite(TestDatabases.Kind kind, Path tmp, RouteGroup... extra) {
        this(kind, tmp, StarCounts.NONE, extra);
    }

    /** @param stars the GitHub stars paper pages show */
    TestSite(TestDatabases.Kind kind, Path tmp, StarCounts stars, RouteGroup... extra) {
        settings = Settings.load(Map.of("data", tmp.toString(), "port", "0", "harvest-interval", "off",
                "base-url", "https://papers.example.org"), Map.of());
        db = TestDatabases.open(kind, tmp);
        papers = new PaperRepository(db);
        listings = new ListingService(papers);
        Templates templates = new Templates();
        List<RouteGroup> groups = new ArrayList<>(List.of(extra));
        groups.add(new ListingRoutes(settings, listings, papers, templates));
        groups.add(new ApiRoutes(listings, papers));
        groups.add(new AuthorRoutes(papers, templates));
        groups.add(new CrawlerRoutes(settings, papers, SITEMAP_URLS_PER_FILE));
        groups.add(new PaperRoutes(settings, papers, templates, CommunityHooks.NONE, SimilarPapers.NONE, ThumbnailUrls.NONE, stars));
        server = new WebServer(settings, db, templates, groups);
        server.start();
    }

    void add(Paper... ps) {
        papers.upsert(List.of(ps), LocalDate.of(2026, 1, 1), NEWER_WINS);
    }

    HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String body(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    /** A paper listed on {@code day} in {@code cats} (the first is primary), with two authors and one version. */
    static Paper paper(String id, String title, LocalDate day, String... cats) {
        return paper(id, title, day, List.of(), cats);
    }

    static Paper paper(String id, String title, LocalDate day, List<CodeLink> links, String... cats) {
        ArxivId aid = ArxivId.of(id);
        return new Paper(aid.hasVersion() ? aid : aid.withVersion(1), title,
                List.of(new Author("Ada Lovelace", "Analytical Engines Ltd"), Author.named("Charles Babbage")),
                "First line of the abstract\nwrapped by arXiv.\n  A second paragraph.", cats[0], List.of(cats),
                "10 pages", null, null, null, day.minusDays(2), null,
                List.of(new PaperVersion(1, day.minusDays(2), "100kb")), day, links, 0, 0);
    }
}
