package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.config.Settings;

/** The search page without an embedding model: one query box, modes that say they are off, plurals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageTest {

    @TempDir
    static Path tmp;
    App app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        app = new App(Settings.load(Map.of("data", tmp.toString(), "port", "0", "embedding-model", "off", "harvest-interval", "off"), Map.of()));
        app.papers().upsert(List.of(TestSite.paper("2602.00001", "Protein structure prediction", LocalDate.of(2026, 2, 2), "q-bio.BM")),
                LocalDate.of(2026, 2, 2), (a, b) -> b);
        app.startServer();
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
    }

    String page(String q) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/search?q=" + q)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void oneQueryBoxKeywordOnlyAndOnePaperIsSingular() throws Exception {
        String html = SearchRoutesTest.enc("protein");
        String body = "";
        for (int i = 0; i < 50 && !body.contains("search-count"); i++) {
            body = page(html); // the index follows the database in the background
            if (!body.contains("search-count")) Thread.sleep(200);
        }
        assertTrue(body.contains("<p class=\"search-count\">1 paper · keyword search</p>"), body);
        assertEquals(1, body.split("type=\"search\"", -1).length - 1, "one query box on the search page");
        assertFalse(body.contains("value=\"semantic\""), "semantic is not offered without a model");
        assertTrue(body.contains("Semantic and hybrid search are off on this server"));
        assertFalse(body.contains("  papers"), "no double spaces");
    }
}
