package org.paperboy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.store.JobState;

/** /readyz, /metrics and the drain on shutdown, on a real server. */
class OpsHttpTest {
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private App start(String drainDelay) {
        App app = new App(Settings.load(Map.of("data", tmp.toString(), "port", "0", "host", "127.0.0.1",
                "harvest-interval", "off", "trending-interval", "off", "arxiv-api", "http://127.0.0.1:9/api/query",
                "drain-delay", drainDelay), Map.of()));
        app.startServer();
        return app;
    }

    private HttpResponse<String> get(App app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertTrue(m.find(), "no " + series + " in\n" + scrape);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void metricsCountRequestsPerRouteAndSearchesPerModeAndShowTheQueuesJobsAndPool() throws Exception {
        try (App app = start("0s")) {
            assertEquals(200, get(app, "/readyz").statusCode());
            assertEquals("{\"status\":\"ready\"}", get(app, "/readyz").body());
            assertTrue(get(app, "/healthz").body().contains("\"schema\":\"016\""), "the README's schema version");
            assertEquals(404, get(app, "/papers/2601.99999").statusCode());
            assertEquals(404, get(app, "/papers/2601.99998").statusCode());
            get(app, "/api/papers/search?mode=keyword&q=graphs");
            get(app, "/search?mode=SEMANTIC&q=graphs");
            get(app, "/search?q=graphs");
            get(app, "/search?mode=nonsense&q=graphs");
            app.jobs().save(JobState.fresh("harvest-schedule").failed("arXiv unreachable", Instant.now().plusSeconds(600))
                    .failed("arXiv unreachable", Instant.now().plusSeconds(600)));

            HttpResponse<String> r = get(app, "/metrics");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String m = r.body();
            assertEquals(2, value(m, "paperboy_http_requests_seconds_count{method=\"GET\",route=\"/readyz\",status=\"2xx\"}"));
            assertEquals(2, value(m, "paperboy_http_requests_seconds_count{method=\"GET\",route=\"/papers/<path>\",status=\"4xx\"}"),
                    "one series per route pattern, not per path");
            assertEquals(1, value(m, "paperboy_search_seconds_count{mode=\"keyword\"}"));
            assertEquals(1, value(m, "paperboy_search_seconds_count{mode=\"semantic\"}"));
            assertEquals(1, value(m, "paperboy_search_seconds_count{mode=\"hybrid\"}"));
            assertEquals(1, value(m, "paperboy_search_seconds_count{mode=\"invalid\"}"));
            assertTrue(m.contains("paperboy_http_requests_seconds_bucket{method=\"GET\",route=\"/readyz\",status=\"2xx\",le="), "histogram buckets for p99");
            assertEquals(0, value(m, "paperboy_index_lag_changes"));
            assertEquals(0, value(m, "paperboy_index_lag_seconds"));
            assertEquals(0, value(m, "paperboy_embeddings_backlog"));
            assertEquals(0, value(m, "paperboy_outbox_depth{queue=\"account\"}"));
            assertEquals(0, value(m, "paperboy_outbox_depth{queue=\"digest\"}"));
            assertEquals(0, value(m, "paperboy_outbox_oldest_age_seconds{queue=\"digest\"}"));
            assertEquals(2, value(m, "paperboy_job_consecutive_failures{job=\"harvest-schedule\"}"));
            double next = value(m, "paperboy_job_next_run_seconds{job=\"harvest-schedule\"}");
            assertTrue(next > 590 && next <= 600, String.valueOf(next));
            assertTrue(value(m, "hikaricp_connections_max{pool=\"paperboy\"}") > 0, "the database pool's meters");
        }
    }

    @Test
    void onShutdownTheNodeSaysNotReadyForTheDrainDelayThenStops() throws Exception {
        App app = start("3s");
        CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
        HttpResponse<String> r = null;
        for (int i = 0; i < 100 && (r == null || r.statusCode() != 503); i++) {
            r = get(app, "/readyz");
            Thread.sleep(20);
        }
        assertEquals(503, r.statusCode());
        assertEquals("{\"status\":\"not ready\",\"reason\":\"draining for shutdown\"}", r.body());
        assertEquals(200, get(app, "/healthz").statusCode(), "still alive and serving while the load balancer moves away");
        closing.get();
    }
}
