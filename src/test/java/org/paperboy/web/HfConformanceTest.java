package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.store.TestDatabases;

/**
 * The JSON API read the way huggingface_hub reads it. {@link Client} states, from the client's
 * documented model ({@code PaperInfo}, {@code PaperAuthor}, {@code User} in {@code hf_api.py}), which
 * key each attribute comes from and what type it must have; the tests check every item against it.
 */
class HfConformanceTest {

    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT_ID = "[0-9a-f]{24}";

    /**
     * How the client turns one JSON object into a PaperInfo. Rules of its model: a daily item
     * nests the paper under {@code paper}; {@code published_at} is {@code paper.publishedAt} or
     * the top-level one; {@code upvotes} is {@code paper.upvotes or upvotes} (Python's {@code or}:
     * 0 falls through to the second); {@code comments} is the top-level {@code numComments} (an
     * int); {@code submitted_at} is the top-level {@code publishedAt}, else {@code submittedOnDailyAt};
     * {@code submitted_by} is {@code submittedBy} or {@code submittedOnDailyBy}, whose
     * {@code user} becomes {@code User.username}. Every key the client does not consume is copied
     * over the object's attributes, so a top-level key named like an attribute replaces it.
     */
    record Client(String id, Object upvotes, Object comments, String publishedAt, String submittedAt, JsonNode submittedBy,
                  String discussionId, JsonNode authors) {

        static Client read(JsonNode item) {
            ObjectNode top = item.deepCopy();
            ObjectNode paper = top.has("paper") ? (ObjectNode) top.remove("paper") : JSON.createObjectNode();
            // Python's "a or b" reads b only when a is falsy, and pop() consumes the key it reads
            String id = text(or(top.remove("id"), () -> paper.remove("id")));
            JsonNode authors = or(paper.remove("authors"), () -> top.remove("authors"));
            String publishedAt = text(or(paper.remove("publishedAt"), () -> top.remove("publishedAt")));
            top.remove("title");
            JsonNode upvotes = or(paper.remove("upvotes"), () -> top.remove("upvotes"));
            String discussionId = text(or(paper.remove("discussionId"), () -> top.remove("discussionId")));
            JsonNode nc = top.remove("numComments");
            Object comments = nc == null ? (Object) 0 : value(nc);
            String submittedAt = text(or(top.remove("publishedAt"), () -> top.remove("submittedOnDailyAt")));
            JsonNode by = or(top.remove("submittedBy"), () -> top.remove("submittedOnDailyBy"));
            Object up = value(upvotes);
            // forward compatibility: leftover keys overwrite attributes of the same name
            if (top.has("comments")) comments = value(top.get("comments"));
            if (top.has("upvotes")) up = value(top.get("upvotes"));
            return new Client(id, up, comments, publishedAt, submittedAt, by == null || by.isNull() ? null : by, discussionId, authors);
        }

        private static JsonNode or(JsonNode a, Supplier<JsonNode> b) {
            return truthy(a) ? a : b.get();
        }

        private static String text(JsonNode n) {
            return n == null || n.isNull() ? null : n.asText();
        }

        private static boolean truthy(JsonNode n) {
            if (n == null || n.isNull()) return false;
            if (n.isNumber()) return n.asDouble() != 0;
            if (n.isTextual()) return !n.asText().isEmpty();
            if (n.isContainerNode()) return !n.isEmpty();
            return n.asBoolean();
        }

        private static Object value(JsonNode n) {
            if (n == null || n.isNull()) return null;
            if (n.isInt()) return n.asInt();
            if (n.isTextual()) return n.asText();
            return n;
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** User(**obj): username from user, fullname, avatarUrl strings, isPro bool, plus _id. */
    private static void assertUser(JsonNode u, String username) {
        assertEquals(username, u.path("user").asText(), "User.username reads 'user': " + u);
        assertTrue(u.path("fullname").isTextual(), u.toString());
        assertTrue(u.path("avatarUrl").isTextual() && !u.path("avatarUrl").asText().isEmpty(), u.toString());
        assertTrue(u.path("isPro").isBoolean(), u.toString());
        assertTrue(u.path("_id").asText().matches(OBJECT_ID), u.toString());
        assertEquals("user", u.path("type").asText());
    }

    private static void assertPaperObject(JsonNode p) {
        assertTrue(p.path("id").isTextual());
        assertTrue(p.path("title").isTextual());
        assertTrue(p.path("summary").isTextual());
        assertTrue(p.path("upvotes").isInt(), "upvotes is an int, 0 included: " + p.path("upvotes"));
        assertTrue(p.path("numComments").isInt());
        assertTrue(p.path("discussionId").asText().matches(OBJECT_ID), p.toString());
        assertTrue(p.has("thumbnail") && (p.get("thumbnail").isNull() || p.get("thumbnail").isTextual()));
        assertFalse(p.has("comments"), "the client's comments is a count; arXiv's comment must not take that name");
        Instant.parse(p.path("publishedAt").asText());
        Instant.parse(p.path("submittedOnDailyAt").asText());
        for (JsonNode a : p.path("authors")) {
            assertTrue(a.path("_id").asText().matches(OBJECT_ID), a.toString());
            assertTrue(a.path("name").isTextual());
            assertTrue(a.path("hidden").isBoolean());
        }
        if (p.has("version")) assertTrue(p.get("version").asInt() > 0, "no version 0: " + p);
    }

    private static void submit(TestSite site, String username, String arxivId, LocalDate day, long atMillis) {
        site.db.jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO users (username, username_key, email, email_key, password_hash, created_at) "
                    + "SELECT :u, :k, :e, :e, 'x', 0 WHERE NOT EXISTS (SELECT 1 FROM users WHERE username_key = :k)")
                    .bind("u", username).bind("k", username.toLowerCase()).bind("e", username + "@example.org").execute();
            h.createUpdate("INSERT INTO submissions (arxiv_id, user_id, featured_date, created_at) "
                    + "SELECT :id, id, :day, :at FROM users WHERE username_key = :k")
                    .bind("id", arxivId).bind("day", day.toString()).bind("at", atMillis).bind("k", username.toLowerCase()).execute();
        });
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void dailyItemsReadAsThePaperInfoOfTheHub(TestDatabases.Kind kind) throws Exception {
        try (TestSite site = new TestSite(kind, tmp)) {
            Fixture.load(site);
            long at = Instant.parse("2026-12-03T09:15:30Z").toEpochMilli();
            submit(site, "Grace", "2611.00002", LocalDate.of(2026, 12, 3), at);

            JsonNode list = json(site.get("/api/daily_papers?date=2026-11-23"));
            assertEquals(4, list.size());
            for (JsonNode item : list) {
                assertPaperObject(item.get("paper"));
                Client c = Client.read(item);
                assertTrue(c.upvotes() instanceof Integer, "upvotes stays a number, 0 included: " + c.upvotes());
                assertEquals(item.get("paper").get("upvotes").asInt(), c.upvotes());
                assertTrue(c.comments() instanceof Integer, "comments is the count: " + c.comments());
                assertTrue(item.path("thumbnail").isNull() || item.path("thumbnail").isTextual());
            }
            JsonNode bravo = find(list, "2611.00002");
            Client c = Client.read(bravo);
            assertEquals("2026-11-21T00:00:00.000Z", c.publishedAt(), "published_at is the paper's publication");
            assertEquals("2026-12-03T09:15:30.000Z", c.submittedAt(), "submitted_at is when it went onto the daily page");
            assertUser(c.submittedBy(), "Grace");
            assertUser(bravo.get("paper").get("submittedOnDailyBy"), "Grace");
            Client alpha = Client.read(find(list, "2611.00001"));
            assertEquals("2026-11-23T00:00:00.000Z", alpha.submittedAt(), "a harvested paper went on the page on its listing day");
            assertEquals(0, Client.read(find(list, "2611.00002")).upvotes(), "0 upvotes is 0, not None");

            HttpResponse<String> avatar = site.get(c.submittedBy().get("avatarUrl").asText());
            assertEquals(200, avatar.statusCode());
            assertTrue(avatar.headers().firstValue("content-type").orElse("").startsWith("image/svg+xml"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void paperInfoKeepsTheCommentCountAndArxivsCommentApart(TestDatabases.Kind kind) throws Exception {
        try (TestSite site = new TestSite(kind, tmp)) {
            Fixture.load(site);
            JsonNode p = json(site.get("/api/papers/2611.00003"));
            assertPaperObject(p);
            Client c = Client.read(p);
            assertEquals(0, c.comments(), "paper_info(id).comments is the number of comments");
            assertEquals("10 pages", p.get("arxivComment").asText());
            assertEquals(9, c.upvotes());
            assertEquals(p.get("discussionId").asText(), json(site.get("/api/papers/2611.00003v1")).get("discussionId").asText(), "stable ids");
            assertEquals(2, p.get("authors").size());
            assertFalse(p.get("authors").get(0).get("_id").asText().equals(p.get("authors").get(1).get("_id").asText()));

            // arXiv's OAI format gives no version number: no "version": 0 beside "versions": []
            site.add(new Paper(ArxivId.of("2611.00099"), "No version known", List.of(Author.named("Ada Lovelace")), "abstract", "cs.CL",
                    List.of("cs.CL"), null, null, null, null, LocalDate.of(2026, 11, 20), null, List.of(), Fixture.DAY, List.of(), 0, 0));
            JsonNode unversioned = json(site.get("/api/papers/2611.00099"));
            assertFalse(unversioned.has("version"), unversioned.toString());
            assertEquals(0, unversioned.get("upvotes").asInt());
            assertTrue(unversioned.get("upvotes").isInt());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void submitterFilterSortAndNewestDayFollowTheHub(TestDatabases.Kind kind) throws Exception {
        try (TestSite site = new TestSite(kind, tmp)) {
            Fixture.load(site);
            LocalDate today = LocalDate.of(2026, 12, 4);
            submit(site, "Grace", "2611.00002", today, Instant.parse("2026-12-04T08:00:00Z").toEpochMilli());
            submit(site, "Grace", "2611.00004", today, Instant.parse("2026-12-04T10:00:00Z").toEpochMilli());
            submit(site, "Linus", "2611.00001", today, Instant.parse("2026-12-04T09:00:00Z").toEpochMilli());

            assertEquals(List.of("2611.00004", "2611.00001", "2611.00002"), ids(json(site.get("/api/daily_papers"))),
                    "no date: the newest day with submissions, newest on the page first (HF's default sort publishedAt)");
            assertEquals(List.of("2611.00004", "2611.00002"), ids(json(site.get("/api/daily_papers?submitter=Grace"))));
            assertEquals(List.of("2611.00004", "2611.00002"), ids(json(site.get("/api/daily_papers?submitter=grace&date=2026-12-04"))));
            assertEquals(List.of("2611.00001"), ids(json(site.get("/api/daily_papers?submitter=Linus"))));
            assertEquals(List.of(), ids(json(site.get("/api/daily_papers?submitter=nobody"))));
            assertEquals(List.of("2611.00004"), ids(json(site.get("/api/daily_papers?submitter=Grace&cat=cs.LG"))));
            assertEquals(List.of("2611.00003", "2611.00001", "2611.00002", "2611.00004"),
                    ids(json(site.get("/api/daily_papers?date=2026-11-23&sort=upvotes"))), "sort=upvotes still ranks by votes");

            HttpResponse<String> unknown = site.get("/api/daily_papers?submiter=Grace");
            assertEquals(400, unknown.statusCode());
            assertTrue(unknown.body().contains("submiter"), unknown.body());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void listPapersWithoutAQueryListsRecentPapers(TestDatabases.Kind kind) throws Exception {
        try (TestSite site = new TestSite(kind, tmp)) {
            Fixture.load(site);
            List<String> recent = ids(json(site.get("/api/papers?limit=3")));
            assertEquals(List.of("2612.00001", "hep-th/9901001", "2611.00001"), recent, "newest listing day first");
            assertEquals(List.of("2611.00002"), ids(json(site.get("/api/papers?limit=1&p=3"))));
            for (JsonNode item : json(site.get("/api/papers"))) assertPaperObject(item.get("paper"));
        }
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) if (item.path("paper").path("id").asText().equals(id)) return item;
        throw new AssertionError("no " + id + " in " + list);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(e.path("paper").path("id").asText()));
        return ids;
    }
}
