package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.jobs.HarvestJob;
import org.paperboy.store.JobState;

/** The first-run page says when the harvest failed, and why, instead of "reload when it has finished". */
class FirstRunPageTest {

    @TempDir
    Path tmp;

    @Test
    void aFailedHarvestIsSaidWithItsReasonAndTheImportCommand() throws Exception {
        try (App app = new App(Settings.load(Map.of("data", tmp.toString(), "port", "0", "embedding-model", "off",
                "harvest-interval", "6h", "oai-endpoint", "http://127.0.0.1:9/oai"), Map.of()))) {
            app.jobs().save(JobState.fresh(HarvestJob.NAME).failed("arXiv answered 503 three times", Instant.now().plusSeconds(3600)));
            app.startServer();
            String html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(html.contains("The last harvest failed: "), html); // the job itself may have failed again meanwhile, on port 9
            assertFalse(html.contains("reload this page when it has finished"));
            assertTrue(html.contains("./paperboy import"));
        }
    }
}
