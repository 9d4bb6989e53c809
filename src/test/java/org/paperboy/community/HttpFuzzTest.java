package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.Fuzz;

/**
 * Generated ids, dates, queries, form fields and JSON bodies sent to the routes of a real server,
 * signed in and not: no answer may be a 5xx. See {@link Fuzz} for the budget and replay flags.
 */
class HttpFuzzTest {
    static final String[] GETS = {"/api/papers/{id}", "/papers/{id}", "/papers/{id}.bib", "/api/papers/{id}/similar",
        "/api/papers/{id}/comments", "/discussion/{id}", "/search?q={q}&page={s}", "/api/papers/search?q={q}&page={s}&limit={s}",
        "/papers?date={date}&cat={s}&p={s}&limit={s}&sort={s}", "/papers/week/{date}", "/papers/month/{date}", "/papers/{date}",
        "/papers/{date}.atom?cat={s}", "/api/daily_papers?date={date}&p={s}&limit={s}&sort={s}&cat={s}",
        "/api/daily_papers?week={date}&month={date}", "/u/{s}", "/login?next={s}", "/subscribe?email={s}", "/subscribe/confirm?token={s}",
        "/subscription/{s}", "/account/verify?token={s}", "/account/reset/confirm?token={s}", "/comments/{s}/edit", "/feed.atom?cat={s}",
        "/{s}", "/static/{s}", "/trending", "/moderation?page={s}", "/admin/digest/preview?frequency={s}&date={date}"};

    @TempDir
    static Path tmp;
    static TestServer server;
    static TestServer.Client ada;
    static TestServer.Client anonymous;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(tmp, TestServer.settings("rate-limits", "off"));
        ada = server.client().signUpVerified("ada");
        Matcher m = Pattern.compile("id=\"new-token\">(pb_[A-Za-z0-9_-]+)<")
                .matcher(ada.post("/account/tokens", Map.of("name", "fuzz", "password", "correct horse ada")).body());
        assertTrue(m.find());
        token = m.group(1);
        anonymous = server.client();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String fill(String template, Random r) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\\{(id|q|date|s)}").matcher(template);
        int last = 0;
        boolean inQuery = false;
        while (m.find()) {
            inQuery |= template.substring(last, m.start()).contains("?");
            out.append(template, last, m.start());
            String v = switch (m.group(1)) {
                case "id" -> Fuzz.arxivId(r);
                case "q" -> Fuzz.query(r);
                case "date" -> Fuzz.date(r);
                default -> Fuzz.nasty(r);
            };
            String encoded = URLEncoder.encode(v, StandardCharsets.UTF_8);
            // in a path, old-style ids keep their slash sometimes, as browsers send them
            out.append(inQuery ? encoded : encoded.replace("+", "%20").replace(r.nextBoolean() ? "%2F" : "\u0000", "/"));
            last = m.end();
        }
        return out.append(template.substring(last)).toString();
    }

    static void assertNo5xx(HttpResponse<String> r, String what) {
        assertTrue(r.statusCode() < 500, what + " -> " + r.statusCode() + ": " + r.body().substring(0, Math.min(300, r.body().length())));
    }

    @Test
    void getRoutesNeverAnswer5xx() {
        Fuzz.check("GET routes", Duration.ofSeconds(3), 100, r -> {
            String path = fill(GETS[r.nextInt(GETS.length)], r);
            try {
                var client = r.nextBoolean() ? ada : anonymous;
                assertNo5xx(client.get(path), "GET " + path);
            } catch (Exception e) {
                throw new IllegalStateException("GET " + path, e);
            }
        });
    }

    @Test
    void formPostsNeverAnswer5xx() {
        Fuzz.check("form POSTs", Duration.ofSeconds(2), 30, r -> {
            Map<String, String> form = new LinkedHashMap<>();
            String path = switch (r.nextInt(7)) {
                case 0 -> "/papers/" + enc(Fuzz.arxivId(r)) + "/upvote";
                case 1 -> "/papers/" + enc(Fuzz.arxivId(r)) + "/comments";
                case 2 -> "/submit";
                case 3 -> "/login";
                case 4 -> "/subscribe";
                case 5 -> "/comments/" + enc(Fuzz.nasty(r)) + "/flag";
                default -> "/search";
            };
            for (String name : new String[] {"vote", "body", "parent", "paper", "username", "password", "next", "email", "topics", "frequency", "reason"}) {
                if (r.nextBoolean()) form.put(name, Fuzz.nasty(r));
            }
            var client = r.nextBoolean() ? ada : anonymous;
            try {
                assertNo5xx(postOnce(client, path, form), "POST " + path + " " + form);
            } catch (Exception e) {
                throw new IllegalStateException("POST " + path, e);
            }
        });
    }

    /**
     * A POST, sent again once on a fresh connection when the pooled one was found closed before any
     * answer (the client does not retry a POST itself); an input that makes the server drop the
     * connection every time still fails.
     */
    private static HttpResponse<String> postOnce(TestServer.Client client, String path, Map<String, String> form) throws Exception {
        try {
            return client.post(path, form);
        } catch (IOException closed) {
            return client.post(path, form);
        }
    }

    @Test
    void jsonApiNeverAnswers5xx() {
        Fuzz.check("JSON API", Duration.ofSeconds(2), 50, r -> {
            String path = Fuzz.pick(r, "/api/papers/" + enc(Fuzz.arxivId(r)) + "/comments", "/api/papers/2611.00001/comments",
                    "/api/subscriptions", "/api/papers/" + enc(Fuzz.arxivId(r)) + "/upvote");
            String body = Fuzz.json(r, 0);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                    .header("Content-Type", Fuzz.pick(r, "application/json", "application/json; charset=utf-8", "text/plain"))
                    .method(Fuzz.pick(r, "POST", "POST", "DELETE"), HttpRequest.BodyPublishers.ofString(body));
            if (r.nextInt(4) > 0) b.header("Authorization", Fuzz.pick(r, "Bearer " + token, "Bearer " + Fuzz.nasty(r).replaceAll("[^!-~]", ""), "Basic x"));
            try {
                assertNo5xx(send(b.build()), path + " " + body);
            } catch (Exception e) {
                throw new IllegalStateException(path + " " + body, e);
            }
        });
    }

    /**
     * Sends once more on a fresh connection when a pooled one was closed under the request (Jetty
     * closes a connection whose request body it did not read); a server that failed would fail again.
     */
    static HttpResponse<String> send(HttpRequest req) throws Exception {
        try {
            return anonymous.http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
