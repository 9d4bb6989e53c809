package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.config.Settings;

/**
 * Search does not pass off an index that is behind as the whole catalog: an empty index still being built
 * answers 503 with Retry-After, and every answer says how far behind the index is.
 */
class SearchLagHttpTest {
    @TempDir
    Path tmp;

    @Test
    void anIndexThatIsBehindSaysSo() throws Exception {
        Settings settings = Settings.load(Map.of("data", tmp.toString(), "port", "0", "embedding-model", "off"), Map.of());
        try (App app = new App(settings)) {
            app.papers().upsert(List.of(TestSite.paper("2611.00001", "Attention heads in transformers", Fixture.DAY, "cs.CL"),
                    TestSite.paper("2611.00002", "Attention sinks", Fixture.DAY, "cs.CL")), Fixture.DAY, TestSite.NEWER_WINS);
            // the follower is not started: the index is what a first serve on an imported catalog begins with
            Templates templates = new Templates();
            try (WebServer web = new WebServer(settings, app.db(), templates,
                    List.of(new SearchRoutes(app.search(), app.papers(), templates, app.forYou())))) {
                web.start();
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + web.port();

                HttpResponse<String> building = get(http, base + "/api/papers/search?q=attention");
                assertEquals(503, building.statusCode(), building.body());
                assertEquals("10", building.headers().firstValue("Retry-After").orElse(""));
                assertTrue(building.body().contains("being built"), building.body());
                HttpResponse<String> page = get(http, base + "/search?q=attention");
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("still catching up"), "the page says so");
                assertTrue(Long.parseLong(page.headers().firstValue("X-Paperboy-Index-Behind").orElse("0")) > 0);

                app.search().follower().catchUp(n -> {});
                Thread.sleep(1_100); // the lag is counted at most once a second
                HttpResponse<String> ready = get(http, base + "/api/papers/search?q=attention");
                assertEquals(200, ready.statusCode(), ready.body());
                assertEquals("0", ready.headers().firstValue("X-Paperboy-Index-Behind").orElse(""));
                assertTrue(ready.body().contains("2611.00001") && ready.body().contains("2611.00002"), ready.body());
                assertFalse(get(http, base + "/search?q=attention").body().contains("still catching up"));
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
