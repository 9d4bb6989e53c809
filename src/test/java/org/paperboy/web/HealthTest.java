package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.testing.SmallDisk;

/** /healthz says ok only when the node works fully; a read-only database makes it "degraded", with the reason. */
class HealthTest {
    @TempDir
    Path tmp;

    @Test
    void aDatabaseFileThatTurnedReadOnlyIsDegraded() throws Exception {
        Path data = tmp.resolve("data");
        Path dbFile = data.resolve("paperboy.db");
        {
            Settings settings = Settings.load(Map.of("data", data.toString(), "port", "0", "harvest-interval", "off",
                    "embedding-model", "off"), Map.of());
            try (App app = new App(settings)) {
                app.startServer();
                HttpClient http = HttpClient.newHttpClient();
                String url = "http://127.0.0.1:" + app.port() + "/healthz";
                HttpResponse<String> ok = get(http, url);
                assertEquals(200, ok.statusCode());
                assertTrue(ok.body().contains("\"status\":\"ok\""), ok.body());

                // immutable: not even root may write it (a read-only mount cannot be made under open files)
                try (SmallDisk.Immutable ro = SmallDisk.immutable(dbFile)) {
                    HttpResponse<String> degraded = get(http, url);
                    assertEquals(200, degraded.statusCode(), "the node still serves reads");
                    assertTrue(degraded.body().contains("\"status\":\"degraded\""), degraded.body());
                    assertTrue(degraded.body().contains("read-only") && degraded.body().contains(dbFile.toString()), degraded.body());
                }
                assertTrue(get(http, url).body().contains("\"status\":\"ok\""), "writable again: ok again");
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
