package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** For you over HTTP: the signals API with and without tokens, the page, the library and the data export. */
class ForYouHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(tmp, TestServer.settings("rate-limits", "off"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String token(TestServer.Client c, String username) throws Exception {
        var r = c.post("/account/tokens", Map.of("name", "script", "password", "correct horse " + username));
        Matcher m = Pattern.compile("id=\"new-token\">(pb_[A-Za-z0-9_-]+)<").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private HttpResponse<String> api(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) b.header("Authorization", "Bearer " + token);
        return server.client().http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> recommendedIds(String token) throws Exception {
        var r = api("GET", "/api/recommendations?date=2026-11-26", token);
        assertEquals(200, r.statusCode(), r.body());
        return ids(r.body());
    }

    private static List<String> ids(String body) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode n : JSON.readTree(body)) {
            assertTrue(n.has("score") && n.has("reason") && n.path("paper").has("id"), n.toString());
            ids.add(n.path("paper").path("id").asText());
        }
        return ids;
    }

    @Test
    void theApiNeedsATokenAndShowsEachReaderOnlyTheirOwnSignals() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        String adaToken = token(ada, "ada");
        String bobToken = token(bob, "bob");

        assertEquals(401, api("GET", "/api/recommendations", null).statusCode());
        assertEquals(401, ada.get("/api/recommendations").statusCode(), "a session cookie is not an API token");
        int anonymous = api("POST", "/api/papers/2611.00002/save", null).statusCode();
        assertTrue(anonymous == 401 || anonymous == 403, "refused without a token: " + anonymous);
        assertEquals(401, api("POST", "/api/papers/2611.00002/save", "pb_wrong").statusCode());

        var saved = api("POST", "/api/papers/2611.00002/save", adaToken);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("{\"id\":\"2611.00002\",\"saved\":true}", saved.body());
        assertEquals(200, api("POST", "/api/papers/2611.00003/hide", adaToken).statusCode());
        assertEquals(404, api("POST", "/api/papers/2611.99999/save", adaToken).statusCode());
        assertEquals(400, api("GET", "/api/recommendations?date=yesterday", adaToken).statusCode());

        List<String> forAda = recommendedIds(adaToken);
        assertFalse(forAda.contains("2611.00003"), "hidden from ada");
        assertTrue(forAda.containsAll(List.of("2611.00001", "2611.00002")), forAda.toString());
        assertEquals(forAda.subList(0, 1), ids(api("GET", "/api/recommendations?date=2026-11-26&limit=1", adaToken).body()), "limit: the first");
        assertEquals(forAda.subList(1, 2), ids(api("GET", "/api/recommendations?date=2026-11-26&limit=1&p=1", adaToken).body()),
                "p: pages as /api/daily_papers does");
        assertEquals(List.of(), ids(api("GET", "/api/recommendations?date=2026-11-26&p=99", adaToken).body()), "past the end: empty");
        var badLimit = api("GET", "/api/recommendations?date=2026-11-26&limit=0", adaToken);
        assertEquals(400, badLimit.statusCode());
        assertTrue(badLimit.body().contains("limit must be between 1 and 100"), badLimit.body());
        List<String> forBob = recommendedIds(bobToken);
        assertTrue(forBob.contains("2611.00003"), "bob still sees what ada hid");
        String bobBody = api("GET", "/api/recommendations?date=2026-11-26", bobToken).body();
        assertFalse(bobBody.contains("which you saved"), "nothing of ada's saves reaches bob: " + bobBody);

        assertEquals(200, api("DELETE", "/api/papers/2611.00003/hide", adaToken).statusCode());
        assertTrue(recommendedIds(adaToken).contains("2611.00003"), "undo restores it");
    }

    @Test
    void libraryBibtexAndDataExportArePrivate() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        assertEquals(303, ada.post("/for-you/2611.00001/save", Map.of()).statusCode());
        assertEquals(303, ada.post("/for-you/2611.00002/save", Map.of()).statusCode());
        assertEquals(303, ada.post("/account/follows", Map.of("kind", "category", "target", "cs.CL")).statusCode());
        assertEquals(400, ada.post("/account/follows", Map.of("kind", "category", "target", "<script>")).statusCode());
        assertEquals(403, ada.postRaw("/for-you/2611.00003/hide", Map.of()).statusCode(), "forms need the CSRF token");

        String library = ada.get("/library").body();
        assertTrue(library.contains("Paper 2611.00001") && library.contains("Paper 2611.00002"), library);
        String bib = ada.get("/library.bib").body();
        assertEquals(2, bib.split("@article\\{|@misc\\{", -1).length - 1, bib);
        String one = ada.get("/library.bib?id=2611.00002&id=2611.00003").body();
        assertTrue(one.contains("2611.00002") && !one.contains("2611.00001") && !one.contains("2611.00003"), one);
        assertTrue(bob.get("/library.bib").body().isBlank(), "bob's library is his own");

        JsonNode data = JSON.readTree(ada.get("/account/data").body());
        assertEquals(2, data.path("papers").size());
        assertEquals("cs.CL", data.path("follows").get(0).path("target").asText());
        assertEquals(0, JSON.readTree(bob.get("/account/data").body()).path("papers").size());
        assertEquals(401, server.client().get("/account/data").statusCode());

        String page = ada.get("/for-you?date=2026-11-26").body();
        assertTrue(page.contains("which you saved") || page.contains("which you follow"), page);
        var visitor = server.client().get("/for-you?date=2026-11-26");
        assertEquals(200, visitor.statusCode(), "visitors get the instance profile's order");
        assertTrue(visitor.body().contains("Paper 2611.00003") && visitor.body().contains("All papers of the day"), visitor.body());
        assertFalse(visitor.body().contains("which you saved"));
        assertEquals(303, server.client().get("/library").statusCode(), "the library needs a reader");
    }
}
