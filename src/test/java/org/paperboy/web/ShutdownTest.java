package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.TestDatabases;

/** SIGTERM runs App.close(), which stops the server: a request already being served must still get its answer. */
class ShutdownTest {

    @TempDir
    Path tmp;

    @Test
    void closingTheServerLetsInFlightRequestsFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        RouteGroup slow = routes -> routes.get("/test/slow", ctx -> {
            entered.countDown();
            Thread.sleep(800);
            ctx.result("finished");
        });
        TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp, slow);
        int port = site.server.port();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        site.close();
        HttpResponse<String> r = answer.get(5, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertEquals("finished", r.body());
        assertTrue(System.nanoTime() - t0 > 300_000_000L, "close waited for the request");
    }
}
