package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An arXiv id whose version overflows an int (or is otherwise not an id) is a 400 on every route that takes one. */
class BadIdHttpTest {
    static final String HUGE = "2503.11731v99999999999999";

    @TempDir
    static Path tmp;
    static TestServer server;
    static TestServer.Client ada;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(tmp, TestServer.settings("rate-limits", "off"));
        ada = server.client().signUpVerified("ada");
        Matcher m = Pattern.compile("id=\"new-token\">(pb_[A-Za-z0-9_-]+)<")
                .matcher(ada.post("/account/tokens", Map.of("name", "script", "password", "correct horse ada")).body());
        assertTrue(m.find(), "a token was created");
        token = m.group(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/papers/%s", "/papers/%s", "/papers/%s.bib", "/api/papers/%s/similar", "/api/papers/%s/comments",
        "/discussion/%s"})
    void getRoutesAnswer400(String route) throws Exception {
        for (String id : new String[] {HUGE, "2503.11731v2147483648", "hep-th/9901001v99999999999999"}) {
            HttpResponse<String> r = ada.get(route.formatted(id));
            assertEquals(400, r.statusCode(), route.formatted(id) + ": " + r.body());
            assertTrue(r.body().contains("not an arXiv id"), r.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/papers/%s/upvote", "/papers/%s/comments"})
    void formPostsAnswer400(String route) throws Exception {
        HttpResponse<String> r = ada.post(route.formatted(HUGE), Map.of("vote", "up", "body", "hello"));
        assertEquals(400, r.statusCode(), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/papers/%s/upvote", "/api/papers/%s/comments"})
    void apiPostsAnswer400(String route) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url(route.formatted(HUGE))))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\": \"hello\"}")).build();
        HttpResponse<String> r = ada.http.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\""), r.body());
    }

    @Test
    void submittingIt400sAndTheSearchBoxTreatsItAsText() throws Exception {
        HttpResponse<String> r = ada.post("/submit", Map.of("paper", HUGE));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("value=\"" + HUGE + "\""), "the form keeps what was typed");
        r = ada.get("/search?q=" + URLEncoder.encode(HUGE, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        r = ada.get("/api/papers/search?q=" + URLEncoder.encode(HUGE, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
    }
}
