package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.store.TestDatabases;

/** The HF-shaped JSON API over real HTTP, on SQLite and PostgreSQL. */
class ApiTest {

    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(e.path("paper").path("id").asText()));
        return ids;
    }

    private static Set<String> keys(JsonNode o) {
        Set<String> keys = new HashSet<>();
        o.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void dailyPapersHaveHuggingFacesShapeAndRanking(TestDatabases.Kind kind) throws Exception {
        try (TestSite site = new TestSite(kind, tmp)) {
            Fixture.load(site);
            HttpResponse<String> r = site.get("/api/daily_papers?date=2026-11-23&sort=upvotes");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
            JsonNode list = json(r);
            assertEquals(List.of("2611.00003", "2611.00001", "2611.00002", "2611.00004"), ids(list), "upvotes, then announcement order");
            JsonNode entry = list.get(0);
            assertTrue(keys(entry).containsAll(Set.of("paper", "publishedAt", "title", "summary", "numComments", "thumbnail")), keys(entry).toString());
            JsonNode paper = entry.get("paper");
            assertTrue(keys(paper).containsAll(Set.of("id", "title", "summary", "authors", "publishedAt", "upvotes", "githubRepo", "projectPage")));
            assertEquals("Charlie: language and learning", paper.get("title").asText());
            assertEquals(9, paper.get("upvotes").asInt());
            assertEquals("Ada Lovelace", paper.get("authors").get(0).get("name").asText());
            assertEquals("2026-11-23T00:00:00.000Z", entry.get("publishedAt").asText());
            assertEquals("2026-11-21T00:00:00.000Z", paper.get("publishedAt").asText(), "the paper's own date is its v1 submission");
            assertEquals("https://github.com/ada/delta", list.get(3).get("paper").get("githubRepo").asText());
            assertTrue(list.get(0).get("paper").get("githubRepo").isNull());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void pagingCategoriesWeeksMonthsAndSort(TestDatabases.Kind kind) throws Exception {
        try (TestSite site = new TestSite(kind, tmp)) {
            Fixture.load(site);
            assertEquals(List.of("2611.00002", "2611.00004"), ids(json(site.get("/api/daily_papers?date=2026-11-23&p=1&limit=2&sort=upvotes"))));
            assertEquals("[]", site.body("/api/daily_papers?date=2026-11-23&p=5&limit=2"), "a page past the end is empty");
            assertEquals(List.of("2611.00003", "2611.00004"), ids(json(site.get("/api/daily_papers?date=2026-11-23&cat=cs.LG"))));
            assertEquals(List.of("2611.00003", "2611.00001", "2611.00004"),
                    ids(json(site.get("/api/daily_papers?date=2026-11-23&cat=cs.LG&cat=cs.CL&sort=upvotes"))), "repeated cat params");
            assertEquals(List.of("2611.00003", "2611.00001", "2611.00004"),
                    ids(json(site.get("/api/daily_papers?date=2026-11-23&cat=cs.LG,cs.CL&sort=upvotes"))), "comma-separated cat");
            assertEquals(List.of("2611.00003", "2611.00001", "hep-th/9901001", "2611.00002", "2611.00004"),
                    ids(json(site.get("/api/daily_papers?week=2026-W48&sort=upvotes"))), "a week ranks by votes, then newer days first");
            assertEquals(List.of("2611.00005"), ids(json(site.get("/api/daily_papers?week=2026-W47"))));
            assertEquals(6, json(site.get("/api/daily_papers?month=2026-11")).size());
            assertEquals(List.of("2612.00001"), ids(json(site.get("/api/daily_papers?month=2026-12"))));
            assertEquals(List.of("2611.00001", "2611.00002", "2611.00003", "2611.00004"),
                    ids(json(site.get("/api/daily_papers?date=2026-11-23&sort=publishedAt"))), "publishedAt ignores votes");
            assertEquals(List.of("2612.00001"), ids(json(site.get("/api/daily_papers"))), "no date means the latest day");
            assertEquals(List.of("2612.00001"), ids(json(site.get("/api/daily_papers?date="))), "an empty date too");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void badRequestsAreJsonErrors(TestDatabases.Kind kind) throws Exception {
        try (TestSite site = new TestSite(kind, tmp)) {
            Fixture.load(site);
            for (String path : List.of("/api/daily_papers?date=2026-13-45", "/api/daily_papers?date=yesterday",
                    "/api/daily_papers?week=2026-W99", "/api/daily_papers?month=2026-00", "/api/daily_papers?date=2026-11-23&limit=1000",
                    "/api/daily_papers?date=2026-11-23&p=-1", "/api/daily_papers?date=2026-11-23&cat=DROP%20TABLE",
                    "/api/daily_papers?date=2026-11-23&sort=random", "/api/daily_papers?date=2026-11-23&week=2026-W48&sort=upvotes",
                    "/api/papers/not-an-id", "/api/papers/2611.00001%3Cscript%3E")) {
                HttpResponse<String> r = site.get(path);
                assertEquals(400, r.statusCode(), path);
                assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), path);
                JsonNode body = json(r);
                assertEquals(400, body.get("status").asInt(), path);
                assertFalse(body.get("error").asText().isBlank(), path);
                assertFalse(r.body().contains("Exception"), "no stack trace: " + r.body());
            }
            HttpResponse<String> bad = site.get("/api/daily_papers?date=2026-13-45");
            assertTrue(json(bad).get("error").asText().contains("2026-13-45"), bad.body());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void onePaperIsTheFlatObject(TestDatabases.Kind kind) throws Exception {
        try (TestSite site = new TestSite(kind, tmp)) {
            Fixture.load(site);
            JsonNode p = json(site.get("/api/papers/2611.00003v1"));
            assertEquals("2611.00003", p.get("id").asText());
            assertEquals(9, p.get("upvotes").asInt());
            assertTrue(keys(p).containsAll(Set.of("id", "title", "summary", "authors", "publishedAt", "upvotes", "githubRepo", "projectPage", "versions")));
            assertFalse(p.has("paper"), "flat, not wrapped");
            assertEquals("Analytical Engines Ltd", p.get("authors").get(0).get("affiliation").asText());
            assertEquals("hep-th/9901001", json(site.get("/api/papers/hep-th/9901001")).get("id").asText());

            HttpResponse<String> missing = site.get("/api/papers/2401.99999");
            assertEquals(404, missing.statusCode());
            assertEquals(404, json(missing).get("status").asInt());
            assertTrue(json(missing).get("error").asText().contains("2401.99999"));
        }
    }
}
