package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.Paper;

/**
 * Orders beyond votes: Top on a day page for visitors (voted papers first, then the rest in the
 * instance profile's order), and For you on the search page for a signed-in reader.
 */
class CuratedOrderHttpTest {
    private static final String MOLECULES = "Graph neural networks for molecule property prediction";
    private static final String SEALED_BID = "Sealed-bid auction theory for online advertising";
    private static final String COMBINATORIAL = "Mechanism design for combinatorial auctions";
    private static final String QUANTUM = "Quantum error correction with surface codes";
    private static final String TRAFFIC = "Graph neural networks for traffic forecasting on road networks";

    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(tmp, TestServer.settings("rate-limits", "off"));
        List<Paper> day = List.of(Fixtures.paper("2611.00010", MOLECULES, Fixtures.DAY), Fixtures.paper("2611.00011", SEALED_BID, Fixtures.DAY),
                Fixtures.paper("2611.00012", COMBINATORIAL, Fixtures.DAY), Fixtures.paper("2611.00013", QUANTUM, Fixtures.DAY),
                Fixtures.paper("2611.00014", TRAFFIC, Fixtures.DAY));
        server.app.papers().upsert(day, Fixtures.DAY, (old, incoming) -> incoming);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The titles in the order the page shows them. */
    private static List<String> order(String page) {
        return List.of(MOLECULES, SEALED_BID, COMBINATORIAL, QUANTUM, TRAFFIC).stream()
                .peek(t -> assertTrue(page.contains(t), "listed: " + t))
                .sorted(Comparator.comparingInt(page::indexOf)).toList();
    }

    @Test
    void votedPapersComeFirstThenTheInstanceProfilesOrderAndAllPapersKeepsArxivOrder() throws Exception {
        var ada = server.client().signUpVerified("ada");
        assertEquals(303, ada.post("/papers/2611.00013/upvote", Map.of("vote", "up")).statusCode());
        assertEquals(200, ada.post("/admin/instance-seed", Map.of("seed", "2611.00010")).statusCode(), "the first account is admin");

        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!server.app.forYou().ordersVisitors() && System.nanoTime() < deadline) Thread.sleep(20); // the start's count, in the background
        var visitor = server.client();
        String top = visitor.get("/papers?date=2026-11-26").body();
        assertEquals(List.of(QUANTUM, MOLECULES, TRAFFIC), order(top).subList(0, 3),
                "the upvoted paper, then the lab's seed and the paper most like it: " + order(top));
        assertTrue(top.contains("All papers of the day"), "the whole day in arXiv's order is one click away");

        String all = visitor.get("/papers?date=2026-11-26&sort=publishedAt").body();
        assertEquals(List.of(MOLECULES, SEALED_BID, COMBINATORIAL, QUANTUM, TRAFFIC), order(all));
    }

    @Test
    void withoutAnyProfileTheUnvotedPapersKeepArxivOrder() throws Exception {
        String top = server.client().get("/papers?date=2026-11-26").body();
        assertEquals(List.of(MOLECULES, SEALED_BID, COMBINATORIAL, QUANTUM, TRAFFIC), order(top));
    }

    /** The search page's titles once the index has caught up with the catalog. */
    private static String searched(TestServer.Client c, String path) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String body = c.get(path).body();
        while (!body.contains(TRAFFIC) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            body = c.get(path).body();
        }
        return body;
    }

    @Test
    void forYouOnTheSearchPageReordersTheBestMatchesForTheReaderWithReasons() throws Exception {
        var ada = server.client().signUpVerified("ada");
        assertEquals(303, ada.post("/for-you/2611.00014/save", Map.of()).statusCode());
        assertEquals(303, ada.post("/for-you/2611.00011/hide", Map.of()).statusCode());

        String relevance = searched(ada, "/search?mode=keyword&q=abstract");
        assertTrue(relevance.contains("<option value=\"foryou\""), "a reader is offered For you");
        assertTrue(relevance.contains("id=\"logout\"") && !relevance.contains("href=\"/signup\""), "the header names the signed-in reader");
        String mine = searched(ada, "/search?mode=keyword&q=abstract&sort=foryou");
        assertTrue(mine.contains("which you saved"), "each match says why: " + mine);
        assertFalse(mine.contains(SEALED_BID), "a hidden paper stays out of the reader's order");
        assertTrue(mine.indexOf(MOLECULES) < mine.indexOf(COMBINATORIAL),
                "the paper most like the saved one comes before an unrelated one");

        var visitor = server.client();
        String anonymous = searched(visitor, "/search?mode=keyword&q=abstract&sort=foryou");
        assertFalse(anonymous.contains("which you saved") || anonymous.contains("<option value=\"foryou\""),
                "a visitor gets the relevance order and no For-you choice");
        assertTrue(anonymous.contains(SEALED_BID));
    }
}
