package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.community.User;
import org.paperboy.community.UserRepository;
import org.paperboy.config.Settings;
import org.paperboy.recommend.DbCatalog;
import org.paperboy.recommend.ForYou;
import org.paperboy.recommend.PaperVectors;
import org.paperboy.recommend.SignalRepository;
import org.paperboy.recommend.Signals;
import org.paperboy.web.community.AccountSessions;

/**
 * Right after a large catalog's node starts, For you cannot rank before the vocabulary is counted (most
 * of a minute at a million papers): a signed-in reader's page, search and API answer at once meanwhile,
 * saying so, instead of waiting for the count.
 */
class ForYouGettingReadyHttpTest {
    @TempDir
    Path tmp;

    @Test
    void beforeTheFirstCountReadersGetThePapersUnrankedAndTheApiAsksToRetry() throws Exception {
        Settings settings = Settings.load(Map.of("data", tmp.toString(), "port", "0", "embedding-model", "off"), Map.of());
        try (App app = new App(settings)) {
            app.papers().upsert(List.of(TestSite.paper("2611.00001", "Attention heads in transformers", Fixture.DAY, "cs.CL"),
                    TestSite.paper("2611.00002", "Attention sinks", Fixture.DAY, "cs.CL"),
                    TestSite.paper("2611.00003", "Attention for robots", Fixture.DAY, "cs.RO")), Fixture.DAY, TestSite.NEWER_WINS);
            app.search().follower().catchUp(n -> {});
            // any catalog above 0 papers is too large to count inside a request, and no warm-up runs: the start's count is pending
            DbCatalog catalog = new DbCatalog(app.papers(), PaperVectors.NONE, DbCatalog.VOCABULARY_PAPERS, 0);
            long adaId = new UserRepository(app.db()).insert("ada", "ada@example.org", "x", 1L, 1L);
            User ada = new UserRepository(app.db()).byId(adaId).orElseThrow();
            Templates templates = new Templates();
            try (ForYou forYou = new ForYou(catalog, new SignalRepository(app.db()))) {
                // a changed signal would retrain, and so count, in the background: this test counts when it says
                Signals signals = new Signals(new SignalRepository(app.db()), app.papers(), Clock.systemUTC(), userId -> {});
                signals.hide(adaId, "2611.00002");
                signals.follow(adaId, SignalRepository.CATEGORY, "cs.CL"); // enough for For you to be her default order
                RouteGroup signedIn = routes -> routes.before(ctx -> ctx.attribute(AccountSessions.VIEWER, ada));
                try (WebServer web = new WebServer(settings, app.db(), templates, List.of(signedIn,
                        new ForYouRoutes(forYou, signals, app.papers(), new ListingService(app.papers()), templates, new Csrf(false, List.of())),
                        new SearchRoutes(app.search(), app.papers(), templates, forYou)))) {
                    web.start();
                    HttpClient http = HttpClient.newHttpClient();
                    String base = "http://127.0.0.1:" + web.port();
                    String day = "date=" + Fixture.DAY;

                    HttpResponse<String> api = get(http, base + "/api/recommendations?" + day, "Bearer pb_any");
                    assertEquals(503, api.statusCode(), api.body());
                    assertEquals(String.valueOf(ForYouRoutes.GETTING_READY_RETRY_SECONDS), api.headers().firstValue("Retry-After").orElse(""));
                    assertTrue(api.body().contains("getting ready"), api.body());
                    assertEquals(400, get(http, base + "/api/recommendations?date=yesterday", "Bearer pb_any").statusCode(),
                            "a bad request is still told so first");

                    String page = get(http, base + "/for-you?" + day, null).body();
                    assertTrue(page.contains("id=\"getting-ready\""), page);
                    assertTrue(page.contains("2611.00001") && page.contains("2611.00003"), "the day's papers, unranked");
                    assertFalse(page.contains("paper-2611.00002"), "without the one ada hid");

                    HttpResponse<String> search = get(http, base + "/search?q=attention&sort=foryou", null);
                    assertEquals(200, search.statusCode());
                    assertTrue(search.body().contains("getting ready") && search.body().contains("order of relevance"), search.body());
                    assertTrue(search.body().contains("2611.00001"), "the matches all the same");
                    assertEquals(404, get(http, base + "/papers", null).statusCode(), "the day page (not served here) is not sent to For you");
                    assertFalse(catalog.counted(), "no request counted the catalog");

                    catalog.vocabulary();
                    assertEquals(200, get(http, base + "/api/recommendations?" + day, "Bearer pb_any").statusCode());
                    assertFalse(get(http, base + "/for-you?" + day, null).body().contains("getting-ready"), "ranked once counted");
                    assertFalse(get(http, base + "/search?q=attention&sort=foryou", null).body().contains("getting ready"));
                    HttpResponse<String> dayPage = get(http, base + "/papers", null);
                    assertEquals(303, dayPage.statusCode(), "For you is now her day page's order");
                    assertEquals("/for-you", dayPage.headers().firstValue("Location").orElse(""));
                }
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
