package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every limited action answers 429 with Retry-After once its bucket is empty. */
class RateLimitHttpTest {
    @TempDir
    Path tmp;

    private static void assert429(HttpResponse<String> r) {
        assertEquals(429, r.statusCode(), r.body());
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1, "Retry-After " + retry);
        assertTrue(r.body().contains("Too many"), r.body());
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimit() throws Exception {
        try (TestServer server = new TestServer(tmp, TestServer.settings("limit-signup", "1/1h", "trusted-proxies", "127.0.0.1"))) {
            Map<String, String> form = Map.of("username", "s1", "email", "s1@example.org", "password", "long enough password");
            assertEquals(200, server.client().post("/signup", form, "X-Forwarded-For", "203.0.113.7").statusCode());
            assert429(server.client().post("/signup", Map.of("username", "s2", "email", "s2@example.org", "password", "long enough password"),
                    "X-Forwarded-For", "203.0.113.7"));
            assertEquals(200, server.client().post("/signup", Map.of("username", "s3", "email", "s3@example.org", "password", "long enough password"),
                    "X-Forwarded-For", "198.51.100.9").statusCode(), "another client behind the same proxy");
        }
        try (TestServer server = new TestServer(tmp.resolve("untrusted"), TestServer.settings("limit-signup", "1/1h"))) {
            server.client().post("/signup", Map.of("username", "s1", "email", "s1@example.org", "password", "long enough password"),
                    "X-Forwarded-For", "203.0.113.7");
            assert429(server.client().post("/signup", Map.of("username", "s2", "email", "s2@example.org", "password", "long enough password"),
                    "X-Forwarded-For", "198.51.100.9"));
        }
    }

    @Test
    void aSessionCannotGuessItsPasswordUnlimited() throws Exception {
        try (TestServer server = new TestServer(tmp, TestServer.settings("limit-login", "4/1h"))) {
            var carol = server.client().signUpVerified("carol"); // log-in 1
            for (int i = 0; i < 3; i++) carol.post("/account/password", Map.of("current", "guess number " + i, "next", "a new long password"));
            assert429(carol.post("/account/password", Map.of("current", "correct horse carol", "next", "a new long password")));
            assert429(carol.post("/account/delete", Map.of("password", "correct horse carol")));
        }
    }

    @Test
    void logInSignUpVotesCommentsSubmissionsAndResetsAreLimited() throws Exception {
        try (TestServer server = new TestServer(tmp, TestServer.settings("limit-login", "3/1h", "limit-signup", "3/1h",
                "limit-vote", "8/1h", "limit-comment", "4/1h", "limit-submit", "4/1h", "limit-reset", "2/1h",
                "new-account-age", "0s"))) {
            var ada = server.client().signUpVerified("ada"); // sign-up 1, log-in 1
            var c = server.client();
            c.post("/login", Map.of("username", "ada", "password", "wrong password!"));
            c.post("/login", Map.of("username", "ada", "password", "wrong password!"));
            assert429(c.post("/login", Map.of("username", "ada", "password", "correct horse ada")));
            // per target account: another address is refused too
            var elsewhere = server.client();
            assert429(elsewhere.post("/login", Map.of("username", "ADA", "password", "correct horse ada")));

            server.client().post("/signup", Map.of("username", "s2", "email", "s2@example.org", "password", "long enough password"));
            server.client().post("/signup", Map.of("username", "s3", "email", "s3@example.org", "password", "long enough password"));
            assert429(server.client().post("/signup", Map.of("username", "s4", "email", "s4@example.org", "password", "long enough password")));

            for (int i = 0; i < 4; i++) ada.post("/papers/2611.00001/upvote", Map.of("vote", i % 2 == 0 ? "up" : "down"));
            for (int i = 0; i < 4; i++) ada.post("/papers/2611.00002/upvote", Map.of("vote", i % 2 == 0 ? "up" : "down"));
            assert429(ada.post("/papers/2611.00003/upvote", Map.of("vote", "up")));

            for (int i = 0; i < 4; i++) assertEquals(303, ada.post("/papers/2611.00001/comments", Map.of("body", "c" + i)).statusCode());
            var r = ada.post("/papers/2611.00001/comments", Map.of("body", "one too many"));
            assert429(r);
            assertTrue(r.body().contains("one too many"), "the text typed is kept");

            Fixtures.addPapers(server.app.papers(), "2611.00004", "2611.00005");
            for (int i = 0; i < 4; i++) assertEquals(200, ada.post("/submit", Map.of("paper", "2611.00001")).statusCode(), "a duplicate does not count");
            for (String id : new String[] {"2611.00002", "2611.00003", "2611.00004"}) assertEquals(200, ada.post("/submit", Map.of("paper", id)).statusCode());
            assert429(ada.post("/submit", Map.of("paper", "2611.00005")));

            var anon = server.client();
            anon.post("/account/reset", Map.of("email", "x@example.org"));
            anon.post("/account/reset", Map.of("email", "y@example.org"));
            assert429(anon.post("/account/reset", Map.of("email", "z@example.org")));
        }
    }
}
