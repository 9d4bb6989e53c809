package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.community.ModerationEntry;
import org.paperboy.community.ModerationRepository;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;

/**
 * The search surfaces end to end through a real server, with the real int8 bge-small model
 * embedding the papers in the background and the follower indexing them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRoutesTest {

    @TempDir
    static Path tmp;

    App app;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    static final LocalDate DAY = LocalDate.of(2026, 2, 2);

    static Paper paper(String id, int version, String title, String abstractText, String cat) {
        return new Paper(new ArxivId(id, version), title, List.of(Author.named("Ada Lovelace")), abstractText, cat, List.of(cat),
                null, null, null, null, DAY, null, List.of(), DAY,
                List.of(new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/x/" + id)), 0, 0);
    }

    @BeforeAll
    void start() throws Exception {
        app = new App(Settings.defaults().withDataDir(tmp).withPort(0));
        app.papers().upsert(List.of(
                paper("2602.00001", 1, "Scaling laws for neural language models", "We study how the loss of language models falls with compute and data.", "cs.CL"),
                paper("2602.00002", 2, "Protein structure prediction", "Deep networks predict the three-dimensional fold of proteins from amino acid sequences.", "q-bio.BM"),
                paper("2602.00003", 1, "Self-driving cars in snow", "Autonomous vehicles perceive roads covered by snow using lidar.", "cs.RO"),
                paper("2602.00004", 1, "<script>alert(1)</script> robustness", "Adversarial examples fool image classifiers.", "cs.CV"),
                paper("2602.00005", 1, "Language model pretraining data", "Which web text makes large language models better at reasoning.", "cs.CL")),
                DAY, (a, b) -> b);
        app.startServer();
        awaitTrue(() -> {
            HttpResponse<String> r = get("/api/papers/search?mode=semantic&q=" + enc("automobile autonomy"));
            return r.statusCode() != 503 && ids(r).contains("2602.00003"); // 503 + Retry-After while nothing is indexed yet
        });
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    List<String> ids(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        for (JsonNode n : json.readTree(r.body())) out.add(n.path("paper").path("id").asText());
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void awaitTrue(Check c) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!c.ok()) {
            if (System.nanoTime() > end) throw new AssertionError("not within 60 s");
            Thread.sleep(200);
        }
    }

    @Test
    void apiAnswersInTheHuggingFaceShape() throws Exception {
        HttpResponse<String> r = get("/api/papers/search?q=" + enc("protein folding") + "&limit=2");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode body = json.readTree(r.body());
        assertTrue(body.isArray());
        assertTrue(body.size() <= 2);
        JsonNode first = body.get(0);
        assertEquals("2602.00002", first.path("paper").path("id").asText());
        assertEquals("Protein structure prediction", first.path("paper").path("title").asText());
        assertEquals("Ada Lovelace", first.path("paper").path("authors").get(0).path("name").asText());
        assertEquals("2026-02-02T00:00:00.000Z", first.path("paper").path("publishedAt").asText());
        assertEquals(0, first.path("paper").path("upvotes").asInt());
        assertEquals("https://github.com/x/2602.00002", first.path("paper").path("githubRepo").asText());
        assertTrue(first.has("numComments"));
        assertEquals(first.path("paper").path("summary").asText(), first.path("summary").asText());
    }

    @Test
    void meaningFindsPapersThatShareNoWords() throws Exception {
        assertEquals("2602.00003", ids(get("/api/papers/search?mode=semantic&q=" + enc("automobile autonomy"))).get(0));
        assertEquals(List.of(), ids(get("/api/papers/search?mode=keyword&q=" + enc("automobile autonomy"))));
        assertEquals("2602.00003", ids(get("/api/papers/search?q=" + enc("automobile autonomy"))).get(0), "hybrid is the default");
    }

    @Test
    void badRequestsAreJson400s() throws Exception {
        for (String q : List.of("q=" + enc("\"unclosed"), "q=" + enc("after:2025-99-01"), "q=the+of",
                "q=x&limit=0", "q=x&limit=abc", "q=x&mode=fuzzy")) {
            HttpResponse<String> r = get("/api/papers/search?" + q);
            assertEquals(400, r.statusCode(), q + " → " + r.body());
            JsonNode body = json.readTree(r.body());
            assertEquals(400, body.path("status").asInt());
            assertFalse(body.path("error").asText().isBlank());
        }
    }

    @Test
    void noQueryListsRecentPapersAndPagesCarryTheTotal() throws Exception {
        for (String q : List.of("", "q=", "q=%20%20")) {
            assertFalse(ids(get("/api/papers/search?" + q)).isEmpty(), "list_papers() without a query lists recent papers: " + q);
        }
        HttpResponse<String> first = get("/api/papers/search?mode=keyword&limit=1&q=language");
        long total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(total >= 2, "two papers speak of language: " + total);
        assertTrue(first.headers().firstValue("Link").orElse("").contains("p=1>; rel=\"next\""), first.headers().map().toString());
        List<String> seen = new ArrayList<>();
        for (int p = 0; p < total; p++) seen.addAll(ids(get("/api/papers/search?mode=keyword&limit=1&q=language&p=" + p)));
        assertEquals(total, seen.stream().distinct().count(), "pages do not overlap and cover the total: " + seen);
        HttpResponse<String> last = get("/api/papers/search?mode=keyword&limit=1&q=language&p=" + (total - 1));
        assertTrue(last.headers().firstValue("Link").isEmpty(), "no next page after the last");
        assertEquals(400, get("/api/papers/search?q=x&p=-1").statusCode());
    }

    @Test
    void anArxivIdGoesToThePaper() throws Exception {
        assertEquals(List.of("2602.00002"), ids(get("/api/papers/search?q=" + enc("https://arxiv.org/abs/2602.00002v1"))));
        HttpResponse<String> page = get("/search?q=" + enc("arxiv.org/pdf/2602.00002v2"));
        assertEquals(302, page.statusCode());
        assertEquals("/papers/2602.00002", page.headers().firstValue("location").orElseThrow());
    }

    @Test
    void thePageShowsHighlightedEscapedResultsAndTheCategoryChart() throws Exception {
        HttpResponse<String> r = get("/search?q=" + enc("language models") + "&mode=keyword");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<mark>language</mark>") || html.contains("<mark>models</mark>"), html);
        assertTrue(html.contains("Scaling laws for neural language models"));
        assertTrue(html.contains("<svg"), "category chart");
        assertTrue(html.contains(">cs.CL</text>"));
        HttpResponse<String> xss = get("/search?q=" + enc("robustness adversarial"));
        assertFalse(xss.body().contains("<script>alert(1)</script>"));
        assertTrue(xss.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void thePageExplainsAnUnusableQuery() throws Exception {
        HttpResponse<String> r = get("/search?q=" + enc("the of and"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("too common"));
        HttpResponse<String> empty = get("/search");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains("Type some words"));
    }

    @Test
    void similarPapersExcludeThePaperItself() throws Exception {
        List<String> similar = ids(get("/api/papers/2602.00001v1/similar?limit=3"));
        assertFalse(similar.contains("2602.00001"));
        assertEquals("2602.00005", similar.get(0), "the other language-model paper");
        assertEquals(404, get("/api/papers/2699.99999/similar").statusCode());
        assertEquals(400, get("/api/papers/not-an-id/similar").statusCode());
    }

    @Test
    void thePaperPageListsSimilarPapersButNotItself() throws Exception {
        String html = get("/papers/2602.00001").body();
        int section = html.indexOf("id=\"similar-heading\"");
        assertTrue(section > 0, "a Similar papers section");
        String similar = html.substring(section);
        assertTrue(similar.contains("href=\"/papers/2602.00005\""), "the other language-model paper is listed");
        assertFalse(similar.contains("href=\"/papers/2602.00001\""), "not the paper itself");
    }

    @Test
    void aHiddenPaperIsNotServedByIdBibtexOrSimilar() throws Exception {
        app.papers().upsert(List.of(paper("2602.00007", 1, "Spam about language models", "Buy language models now.", "cs.CL")), DAY, (a, b) -> b);
        new ModerationRepository(app.db(), app.papers()).setPaperHidden("2602.00007", true,
                new ModerationEntry(0, 0, "shell", "hide", "paper", "2602.00007", "spam"));
        assertEquals(List.of(), ids(get("/api/papers/search?q=2602.00007")));
        assertEquals(404, get("/papers/2602.00007.bib").statusCode());
        assertEquals(404, get("/api/papers/2602.00007/similar").statusCode());
        assertEquals(404, get("/api/papers/2602.00007").statusCode());
    }

    @Test
    void aPaperImportedWhileServingIsFoundWithinSeconds() throws Exception {
        app.papers().upsert(List.of(paper("2602.00009", 1, "Quantum error correction thresholds", "Surface codes below threshold.", "quant-ph")), DAY, (a, b) -> b);
        long t0 = System.nanoTime();
        awaitTrue(() -> ids(get("/api/papers/search?mode=keyword&q=" + enc("surface codes"))).contains("2602.00009"));
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "found within 10 s");
    }
}
