package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** App wires the listing, API and paper routes into the server it starts. */
class AppServerTest {

    @TempDir
    Path tmp;

    @Test
    void theAppServesPagesApiAndFeeds() throws Exception {
        Settings settings = Settings.load(Map.of("data", tmp.toString(), "port", "0", "harvest-interval", "off"), Map.of());
        try (App app = new App(settings)) {
            app.startServer();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            assertTrue(get(http, base + "/").body().contains("Welcome to Paperboy"));
            app.papers().upsert(List.of(TestSite.paper("2611.00001", "Alpha", Fixture.DAY, "cs.CL")), Fixture.DAY, TestSite.NEWER_WINS);
            assertTrue(get(http, base + "/").body().contains("Alpha"));
            assertEquals(200, get(http, base + "/api/daily_papers").statusCode());
            assertTrue(get(http, base + "/api/daily_papers").body().contains("\"id\":\"2611.00001\""));
            assertEquals(200, get(http, base + "/papers/2611.00001").statusCode());
            assertEquals(200, get(http, base + "/feed.atom").statusCode());
            assertEquals(200, get(http, base + "/static/paperboy.css").statusCode());
            assertEquals(200, get(http, base + "/healthz").statusCode());
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
