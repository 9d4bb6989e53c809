package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class DbCatalogTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @TempDir
    Path tmp;

    private static Paper paper(String id, String title, LocalDate day) {
        return new Paper(new ArxivId(id, 1), title, List.of(new Author("Grace Hopper", null)), title + " in depth.", "cs.LG", List.of("cs.LG"), null,
                null, null, null, day, null, List.of(new PaperVersion(1, day, null)), day, List.of(), 0, 0);
    }

    @Test
    void aServingNodePreparesTheNewestDayWithoutARequest() throws Exception {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            papers.upsert(List.of(paper("2603.00001", "Graph networks", MONDAY)), MONDAY, (a, b) -> b);
            papers.upsert(List.of(paper("2603.00101", "Speech models", TUESDAY), paper("2603.00102", "Auction design", TUESDAY)), TUESDAY,
                    (a, b) -> b);
            List<List<String>> asked = new CopyOnWriteArrayList<>();
            DbCatalog catalog = new DbCatalog(papers, ids -> {
                asked.add(ids.stream().sorted().toList());
                return Map.of();
            });
            try (ForYou forYou = new ForYou(catalog, new SignalRepository(db))) {
                forYou.warmUp();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (asked.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            }
            // closed: the background pass has ended
            assertEquals(List.of(List.of("2603.00101", "2603.00102")), asked, "the newest day's papers, made in the background");
            assertEquals(0, catalog.warmLatestDay(), "and cached for its readers");
        }
    }

    @Test
    void theNewestDaysFeaturesAreMadeOnceAheadOfItsReaders() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            papers.upsert(twentyGraphPapers(), MONDAY, (a, b) -> b);
            papers.upsert(List.of(paper("2603.00101", "Speech models", TUESDAY), paper("2603.00102", "Auction design", TUESDAY)), TUESDAY,
                    (a, b) -> b);
            List<Integer> vectorQueries = new ArrayList<>();
            DbCatalog catalog = new DbCatalog(papers, ids -> {
                vectorQueries.add(ids.size());
                return Map.of();
            });

            assertEquals(2, catalog.warmLatestDay(), "Tuesday's two papers, not Monday's");
            assertEquals(List.of(2), vectorQueries, "their embeddings asked for in one query");
            assertEquals(0, catalog.warmLatestDay(), "already made");
            papers.upsert(List.of(paper("2603.00103", "Robot grasping", TUESDAY)), TUESDAY, (a, b) -> b);
            assertEquals(1, catalog.warmLatestDay(), "only the paper that came since");
            assertEquals(List.of(2, 1), vectorQueries);
            assertOwnFeatures(catalog, catalog.item("2603.00101"), "the features a ranking then finds are the paper's own");
        }
    }

    @Test
    void aNewVersionIsFeaturisedFromItsNewText() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            List<Paper> monday = twentyGraphPapers();
            monday.add(paper("2603.00101", "Speech models", MONDAY));
            papers.upsert(monday, MONDAY, (a, b) -> b);
            DbCatalog catalog = new DbCatalog(papers, ids -> Map.of());
            SparseVector first = catalog.features(catalog.item("2603.00101"));

            Paper v1 = monday.get(monday.size() - 1);
            Paper v2 = new Paper(new ArxivId("2603.00101", 2), "Graph networks for speech", v1.authors(), "Graph networks in depth.", "cs.LG",
                    List.of("cs.LG"), null, null, null, null, MONDAY, null,
                    List.of(new PaperVersion(1, MONDAY, null), new PaperVersion(2, TUESDAY, null)), MONDAY, List.of(), 0, 0);
            papers.upsert(List.of(v2), TUESDAY, (a, b) -> b);
            Item revised = catalog.item("2603.00101");
            assertFalse(Arrays.equals(first.index(), catalog.vocabulary().features(revised).index()), "the new text has other words");
            assertOwnFeatures(catalog, revised, "not the first version's cached features");

            Paper v3 = new Paper(new ArxivId("2603.00101", 3), v2.title(), v1.authors(), v2.abstractText(), "cs.LG", List.of("cs.LG"),
                    "Graph networks", null, null, null, MONDAY, null, List.of(new PaperVersion(1, MONDAY, null), new PaperVersion(2, TUESDAY, null),
                    new PaperVersion(3, TUESDAY, null)), MONDAY, List.of(), 0, 0);
            papers.upsert(List.of(v3), TUESDAY, (a, b) -> b);
            Item commented = catalog.item("2603.00101");
            assertFalse(Arrays.equals(catalog.vocabulary().features(revised).value(), catalog.features(commented).value()),
                    "a new comment alone is new text: its words count again");
            assertOwnFeatures(catalog, commented, "not the second version's cached features");
        }
    }

    @Test
    void aLargeCatalogsVocabularyCountsItsNewestDays() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            LocalDate wednesday = TUESDAY.plusDays(1);
            papers.upsert(List.of(paper("2603.00001", "Auction design", MONDAY), paper("2603.00002", "Auction theory", MONDAY)), MONDAY, (a, b) -> b);
            papers.upsert(List.of(paper("2603.00101", "Graph networks", TUESDAY), paper("2603.00102", "Graph search", TUESDAY)), TUESDAY, (a, b) -> b);
            papers.upsert(List.of(paper("2603.00201", "Speech graph", wednesday), paper("2603.00202", "Speech models", wednesday)), wednesday,
                    (a, b) -> b);

            assertTrue(terms(new DbCatalog(papers, ids -> Map.of(), 6, DbCatalog.INLINE_RECOUNT_MAX).vocabulary()).containsAll(List.of("auction", "graph", "speech")),
                    "a catalog within the bound is counted whole");
            Set<String> newest = terms(new DbCatalog(papers, ids -> Map.of(), 3, DbCatalog.INLINE_RECOUNT_MAX).vocabulary());
            assertTrue(newest.containsAll(List.of("graph", "speech")), newest.toString());
            assertFalse(newest.contains("auction"), "Monday is past the newest 3 papers' days");
        }
    }

    @Test
    void aVisitorNeverWaitsForTheFirstCount() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            List<Paper> day = List.of(paper("2603.00002", "Speech models", MONDAY), paper("2603.00001", "Graph networks", MONDAY));
            papers.upsert(day, MONDAY, (a, b) -> b);
            DbCatalog catalog = new DbCatalog(papers, ids -> Map.of());
            try (ForYou forYou = new ForYou(catalog, new SignalRepository(db))) {
                assertEquals(day, forYou.orderForVisitors(day), "arXiv's order");
                assertEquals(day, forYou.rankForVisitors(day).stream().map(ForYou.Pick::paper).toList(), "the visitors' Picks page too");
                assertFalse(catalog.counted(), "the requests did not count the vocabulary themselves");
                catalog.vocabulary();
                assertTrue(catalog.counted());
                assertEquals(2, forYou.rankForVisitors(day).size());
            }
        }
    }

    @Test
    void aReaderIsRankedAtOnceOnlyWhenTheCountIsDoneOrQuick() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            papers.upsert(List.of(paper("2603.00001", "Graph networks", MONDAY), paper("2603.00002", "Graph search", MONDAY)), MONDAY, (a, b) -> b);
            assertTrue(new DbCatalog(papers, ids -> Map.of()).ranksNow(), "two papers are counted inside the request");
            DbCatalog large = new DbCatalog(papers, ids -> Map.of(), DbCatalog.VOCABULARY_PAPERS, 1);
            assertFalse(large.ranksNow(), "a large catalog's first count is not made inside a request");
            large.vocabulary();
            assertTrue(large.ranksNow());
        }
    }

    @Test
    void aLargeCatalogIsCountedAgainInTheBackgroundNotInARequest() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            papers.upsert(List.of(paper("2603.00001", "Graph networks", MONDAY), paper("2603.00002", "Graph search", MONDAY)), MONDAY, (a, b) -> b);
            DbCatalog small = new DbCatalog(papers, ids -> Map.of(), DbCatalog.VOCABULARY_PAPERS, 10);
            DbCatalog large = new DbCatalog(papers, ids -> Map.of(), DbCatalog.VOCABULARY_PAPERS, 1);
            small.vocabulary();
            large.vocabulary();
            papers.upsert(List.of(paper("2603.00101", "Auction design", TUESDAY), paper("2603.00102", "Auction theory", TUESDAY)), TUESDAY,
                    (a, b) -> b);

            assertTrue(terms(small.vocabulary()).contains("auction"), "a small catalog is counted again in the request");
            assertFalse(terms(large.vocabulary()).contains("auction"), "a large one keeps its count for the request");
            assertEquals(2, large.warmLatestDay(), "the background pass prepares Tuesday");
            assertTrue(terms(large.vocabulary()).contains("auction"), "after counting again");
        }
    }

    /** Enough papers that one more does not grow the catalog past a recount of the vocabulary (which remakes every feature). */
    private static List<Paper> twentyGraphPapers() {
        List<Paper> monday = new ArrayList<>();
        for (int i = 1; i <= 20; i++) monday.add(paper(String.format("2603.%05d", i), "Graph networks " + i, MONDAY));
        return monday;
    }

    private static void assertOwnFeatures(DbCatalog catalog, Item item, String message) {
        SparseVector own = catalog.vocabulary().features(item), found = catalog.features(item);
        assertArrayEquals(own.index(), found.index(), message);
        assertArrayEquals(own.value(), found.value(), message);
    }

    private static Set<String> terms(Vocabulary v) {
        return IntStream.range(0, v.termCount()).mapToObj(v::name).collect(Collectors.toSet());
    }
}
