package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session cookie's attributes: HttpOnly and SameSite=Lax always, Secure behind an https base URL. */
class SessionCookieHttpTest {
    @TempDir
    Path tmp;

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().filter(c -> c.startsWith("pb_session=")).findFirst().orElseThrow(() -> new AssertionError(setCookies));
    }

    @Test
    void overHttpsTheCookieIsSecure() throws Exception {
        try (TestServer server = new TestServer(tmp, TestServer.settings("rate-limits", "off", "base-url", "https://papers.example.org"))) {
            var c = server.client();
            // the CSRF cookie is Secure too, so a plain-http client cannot send it back: post by hand
            var page = c.get("/login");
            String csrf = page.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("pb_csrf=")).findFirst().orElseThrow();
            assertTrue(csrf.contains("Secure") && csrf.contains("HttpOnly"), csrf);
            server.app.community().accounts().createVerified("ada", "ada@example.org", "correct horse ada");
            String token = csrf.substring("pb_csrf=".length(), csrf.indexOf(';'));
            var r = c.postRaw("/login", Map.of("_csrf", token, "username", "ada", "password", "correct horse ada"),
                    "Cookie", "pb_csrf=" + token);
            assertEquals(303, r.statusCode(), r.body());
            String cookie = sessionCookie(r.headers().allValues("Set-Cookie"));
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"), cookie);
        }
    }

    @Test
    void overPlainHttpTheCookieIsHttpOnlyAndLaxButNotSecure() throws Exception {
        try (TestServer server = new TestServer(tmp, TestServer.settings("rate-limits", "off"))) {
            server.app.community().accounts().createVerified("ada", "ada@example.org", "correct horse ada");
            var r = server.client().post("/login", Map.of("username", "ada", "password", "correct horse ada"));
            String cookie = sessionCookie(r.headers().allValues("Set-Cookie"));
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
            assertFalse(cookie.contains("Secure"), cookie);
            String value = cookie.substring("pb_session=".length(), cookie.indexOf(';'));
            assertTrue(value.length() >= 43, "256 random bits");
            // only a digest is stored: the cookie value itself appears nowhere in the database
            int rows = server.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE id_hash = :v")
                    .bind("v", value).mapTo(Integer.class).one());
            assertEquals(0, rows);
            assertEquals(1, (int) server.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE id_hash = :v")
                    .bind("v", Secrets.digest(value)).mapTo(Integer.class).one()));
        }
    }
}
