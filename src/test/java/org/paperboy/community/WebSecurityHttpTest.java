package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.web.Csrf;

/** Log-in redirects, what an API token may open, and the smaller web defects of issue #11. */
class WebSecurityHttpTest {
    static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">(pb_[A-Za-z0-9_-]+)<");

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

    static String token(TestServer.Client c, String name) throws Exception {
        Matcher m = NEW_TOKEN.matcher(c.post("/account/tokens", Map.of("name", "script", "password", "correct horse " + name)).body());
        if (!m.find()) throw new AssertionError("no token made");
        return m.group(1);
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return server.client().http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path)));
    }

    @Test
    void logInSendsOnlyToPathsOfThisSiteAsTheBrowserWillReadThem() throws Exception {
        server.client().signUpVerified("ada");
        for (String next : new String[] {"/\t/evil.example", "/\\evil.example", "//evil.example", "/\r\n/evil.example", "https://evil.example"}) {
            var c = server.client();
            String form = c.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).body();
            assertFalse(form.contains("evil.example"), "the form does not carry it on: " + form);
            var r = c.post("/login", Map.of("username", "ada", "password", "correct horse ada", "next", next));
            assertEquals(303, r.statusCode());
            assertEquals("/", r.headers().firstValue("Location").orElseThrow(), next);
        }
        var r = server.client().post("/login", Map.of("username", "ada", "password", "correct horse ada", "next", "/papers/2611.00001"));
        assertEquals("/papers/2611.00001", r.headers().firstValue("Location").orElseThrow(), "a local path is kept");
    }

    @Test
    void anApiTokenOpensTheJsonApiOnlyAndNewTokensNeedThePassword() throws Exception {
        var ada = server.client().signUpVerified("ada"); // the first account: admin
        String token = token(ada, "ada");
        String bearer = "Bearer " + token;
        assertEquals(200, send(request("/api/papers/2611.00001/upvote").header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode(), "the API takes it");
        for (String page : new String[] {"/account", "/admin/digest", "/admin/digest/preview", "/account/digest"}) {
            var r = send(request(page).header("Authorization", bearer).GET());
            boolean toLogIn = (r.statusCode() == 302 || r.statusCode() == 303) && r.headers().firstValue("Location").orElse("").startsWith("/login");
            assertTrue(toLogIn || r.statusCode() == 401, page + " " + r.statusCode());
            assertFalse(r.body().contains("Create a token") || r.body().contains("ada@example.org"), r.body());
        }
        var mint = send(request("/account/tokens").header("Authorization", bearer).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=more&password=" + URLEncoder.encode("correct horse ada", StandardCharsets.UTF_8))));
        assertFalse(NEW_TOKEN.matcher(mint.body()).find(), "a token cannot make tokens: " + mint.statusCode());
        assertTrue(mint.statusCode() >= 400, "refused: " + mint.statusCode());

        var r = ada.post("/account/tokens", Map.of("name", "no password"));
        assertEquals(403, r.statusCode());
        assertFalse(NEW_TOKEN.matcher(r.body()).find());
        r = ada.post("/account/tokens", Map.of("name", "wrong", "password", "not the password"));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("The password is wrong"), r.body());
        assertEquals(1, server.app.community().accounts().apiTokens(server.app.community().accounts().require("ada")).size());
    }

    @Test
    void aSessionCookieDoesNotSignApiWritesWhichThereforeNeedNoCsrfToken() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var r = ada.postRaw("/api/papers/2611.00001/upvote", Map.of());
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.body().contains("Bearer"), "says what to send: " + r.body());
        assertEquals(0, server.app.papers().find("2611.00001").orElseThrow().upvotes());
        assertEquals(401, server.client().postRaw("/api/papers/2611.00001/upvote", Map.of()).statusCode(), "no token: 401, not the CSRF 403");
        assertEquals(200, ada.get("/api/papers/2611.00001/comments").statusCode(), "reading needs nothing");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        var ada = server.client().signUpVerified("ada");
        for (String path : new String[] {"/", "/papers/2611.00001", "/static/paperboy.css", "/static/htmx.min.js", "/api/daily_papers",
            "/no/such/page", "/api/papers/not-an-id", "/login", "/account", "/feed.atom"}) {
            for (var r : List.of(ada.get(path), server.client().get(path))) {
                var h = r.headers();
                String csp = h.firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && csp.contains("frame-ancestors 'none'")
                        && csp.contains("default-src 'self'"), path + ": " + csp);
                assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
                assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(""), path);
                assertEquals("DENY", h.firstValue("X-Frame-Options").orElse(""), path);
                assertEquals("strict-origin-when-cross-origin", h.firstValue("Referrer-Policy").orElse(""), path);
            }
        }
        String page = ada.get("/discussion/2611.00001").body();
        assertTrue(page.contains("includeIndicatorStyles\":false"), "htmx adds no inline style");
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page).find(), "no inline script");
        assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(page).find(), "no inline event handler");
        assertFalse(page.contains(" style=\""), "no style attribute");
    }

    @Test
    void signUpSaysTakenOnlyForATakenNameAndA503ForAnyOtherDatabaseError() throws Exception {
        server.client().signUpVerified("ada");
        // a database that refuses writes, as a read-only file does (injected: SQLite's RAISE in a trigger)
        server.app.db().jdbi().useHandle(h -> h.execute(
                "CREATE TRIGGER refuse_users BEFORE INSERT ON users BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END"));
        var r = server.client().post("/signup", Map.of("username", "bob", "email", "bob@example.org", "password", "correct horse bob"));
        assertEquals(503, r.statusCode(), r.body());
        assertFalse(r.body().toLowerCase().contains("taken"), r.body());
        assertTrue(r.body().contains("try again later"), r.body());
        server.app.db().jdbi().useHandle(h -> h.execute("DROP TRIGGER refuse_users"));
        // a real uniqueness violation still reads as taken (the race the check before the insert cannot close)
        server.app.db().jdbi().useHandle(h -> h.execute(
                "CREATE TRIGGER race_users BEFORE INSERT ON users WHEN NEW.username = 'cleo' BEGIN "
                        + "INSERT INTO users (username, username_key, email, email_key, password_hash, is_admin, created_at) "
                        + "SELECT 'Cleo2', NEW.username_key, 'x@example.org', 'x@example.org', 'h', 0, 0; END"));
        r = server.client().post("/signup", Map.of("username", "cleo", "email", "cleo@example.org", "password", "correct horse cleo"));
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("taken"), r.body());
    }

    @Test
    void headAnswersAsGetDoesWithoutTheBody() throws Exception {
        var ada = server.client().signUpVerified("ada");
        String token = token(ada, "ada");
        for (String path : new String[] {"/", "/papers/2611.00001", "/papers/2611.99999", "/papers/not-an-id", "/account", "/admin/digest",
            "/api/papers/2611.99999", "/api/papers/not-an-id", "/static/paperboy.css", "/no/such/page", "/u/nobody"}) {
            var get = send(request(path).GET());
            var head = send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(get.statusCode(), head.statusCode(), "HEAD " + path);
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), "HEAD " + path);
            assertEquals("", head.body(), "HEAD " + path);
        }
        var head = send(request("/api/papers/2611.00001/upvote").header("Authorization", "Bearer " + token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertTrue(head.statusCode() >= 400, "HEAD is no vote: " + head.statusCode());
        assertEquals(0, server.app.papers().find("2611.00001").orElseThrow().upvotes());
    }

    HttpResponse<String> postJson(String path, String token, String json) throws Exception {
        return send(request(path).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void apiCommentsMustBeSmallAndTyped() throws Exception {
        var ada = server.client().signUpVerified("ada");
        String token = token(ada, "ada");
        String path = "/api/papers/2611.00001/comments";
        var r = postJson(path, token, "{\"body\": \"" + "x".repeat(1 << 20) + "\"}");
        assertEquals(413, r.statusCode(), r.body().substring(0, Math.min(200, r.body().length())));
        assertTrue(r.body().contains("at most"), r.body());
        for (String bad : new String[] {"{\"body\": 5}", "{\"body\": null}", "{\"body\": [\"a\"]}", "{}", "[]", "5", "\"text\"",
            "{\"body\": \"hi\", \"parent\": \"first\"}", "{\"body\": \"hi\", \"parent\": 1.5}", "{\"body\": \"hi\", \"parent\": 99999999999999999999}"}) {
            r = postJson(path, token, bad);
            assertEquals(400, r.statusCode(), bad + " -> " + r.body());
            assertTrue(r.body().contains("\"error\""), r.body());
        }
        assertEquals(0, server.app.papers().find("2611.00001").orElseThrow().numComments());
        r = postJson(path, token, "{\"body\": \"" + "y".repeat(Comments.MAX_LENGTH) + "\", \"parent\": null}");
        assertEquals(201, r.statusCode(), "the longest comment still fits");
    }

    @Test
    void theCsrfTokenIsTheSessionsNotWhateverTheCookieHolds() throws Exception {
        var ada = server.client().signUpVerified("ada");
        var bob = server.client().signUpVerified("bob");
        String adas = ada.csrf();
        String session = bob.cookie("pb_session");
        // someone who planted a CSRF cookie of their own in bob's browser (a sibling subdomain can) sends the matching field
        String planted = "A".repeat(43);
        var r = send(request("/papers/2611.00001/upvote").header("Cookie", "pb_session=" + session + "; " + Csrf.COOKIE + "=" + planted)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("vote=up&_csrf=" + planted)));
        assertEquals(403, r.statusCode(), "a planted token does not pass for bob's session");
        r = send(request("/papers/2611.00001/upvote").header("Cookie", "pb_session=" + session + "; " + Csrf.COOKIE + "=" + adas)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("vote=up&_csrf=" + adas)));
        assertEquals(403, r.statusCode(), "nor does ada's token");
        assertEquals(0, server.app.papers().find("2611.00001").orElseThrow().upvotes());
        assertEquals(303, bob.post("/papers/2611.00001/upvote", Map.of("vote", "up")).statusCode(), "bob's own token works");
        assertEquals(1, server.app.papers().find("2611.00001").orElseThrow().upvotes());
        assertFalse(adas.equals(bob.csrf()), "each session has its own");
    }

    @Test
    void guessingANamesPasswordFromOneAddressDoesNotLockItsOwnerOutElsewhere() throws Exception {
        server.close();
        server = new TestServer(tmp.resolve("limits"), TestServer.settings("limit-login", "3/1h", "trusted-proxies", "127.0.0.1"));
        server.client().signUpVerified("ada");
        var attacker = server.client();
        for (int i = 0; i < 3; i++) attacker.post("/login", Map.of("username", "ada", "password", "guess " + i), "X-Forwarded-For", "203.0.113.7");
        var r = attacker.post("/login", Map.of("username", "ada", "password", "correct horse ada"), "X-Forwarded-For", "203.0.113.7");
        assertEquals(429, r.statusCode(), "the guesser is stopped");
        r = server.client().post("/login", Map.of("username", "ada", "password", "correct horse ada"), "X-Forwarded-For", "198.51.100.9");
        assertEquals(303, r.statusCode(), "ada, elsewhere, logs in");
    }
}
