package org.paperboy.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;

import java.time.Instant;
import java.time.LocalDate;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.notify.MutableClock;
import org.paperboy.store.TestDatabases;

/** Two nodes (two pools on one embedded PostgreSQL) split the embedding backfill: every vector computed once. */
class EmbeddingRangesTest {
    @TempDir
    Path tmp;

    /** The fake model, counting what each text was embedded for, across nodes. */
    private static final class Counting implements Embedder {
        final FakeEmbedder model = new FakeEmbedder();
        final Map<String, AtomicInteger> perText;
        final AtomicInteger calls = new AtomicInteger();

        Counting(Map<String, AtomicInteger> perText) {
            this.perText = perText;
        }

        @Override
        public String model() {
            return model.model();
        }

        @Override
        public int dimensions() {
            return model.dimensions();
        }

        @Override
        public float[] embedQuery(String q) {
            return model.embedQuery(q);
        }

        @Override
        public float[] embedDocument(String text) {
            calls.incrementAndGet();
            perText.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            return model.embedDocument(text);
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final Map<String, AtomicInteger> perText = new ConcurrentHashMap<>();

    private static void addPapers(Database db, int n) {
        LocalDate day = LocalDate.of(2026, 12, 1);
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("2612.%05d", i + 1);
            papers.add(new Paper(new ArxivId(id, 1), "Title " + id + " about cars", List.of(new Author("A", null)), "Abstract of " + id,
                    "cs.LG", List.of("cs.LG"), null, null, null, null, day, null, List.of(), day, List.of(), 0, 0));
        }
        new PaperRepository(db).upsert(papers, day, (a, b) -> b);
    }

    private EmbeddingBackfill node(Database db, Counting embedder, EmbeddingStore store) {
        return new EmbeddingBackfill(store, embedder, 1).shared(new EmbeddingRanges(db, store, clock));
    }

    @Test
    void twoNodesSplitTheBackfillAndNoVectorIsComputedTwice() throws Exception {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL, tmp);
        try (Database a = Database.open(url, "postgres", ""); Database b = Database.open(url, "postgres", "")) {
            int n = EmbeddingRanges.RANGE * 5 + 17;
            addPapers(a, n);
            Counting onA = new Counting(perText);
            Counting onB = new Counting(perText);
            EmbeddingStore storeA = new EmbeddingStore(a);
            try (EmbeddingBackfill nodeA = node(a, onA, storeA); EmbeddingBackfill nodeB = node(b, onB, new EmbeddingStore(b))) {
                assertTrue(nodeA.runSharedOnce());
                assertTrue(nodeB.runSharedOnce());
                assertEquals(EmbeddingRanges.RANGE, onA.calls.get(), "one range each");
                assertEquals(EmbeddingRanges.RANGE, onB.calls.get());
                // then both at once until nothing is left
                var runA = CompletableFuture.runAsync(() -> { while (nodeA.runSharedOnce()) { } });
                var runB = CompletableFuture.runAsync(() -> { while (nodeB.runSharedOnce()) { } });
                runA.get();
                runB.get();
            }
            assertEquals(n, onA.calls.get() + onB.calls.get(), "every paper embedded once in all");
            assertEquals(n, perText.size());
            assertTrue(perText.values().stream().allMatch(c -> c.get() == 1), "no text embedded twice");
            assertEquals(0, storeA.countMissing(onA.model()));

            addPapers(a, n + 3); // three new papers (the others unchanged, so not written again)
            Counting later = new Counting(new ConcurrentHashMap<>());
            try (EmbeddingBackfill nodeB = node(b, later, new EmbeddingStore(b))) {
                while (nodeB.runSharedOnce()) { }
            }
            assertEquals(3, later.calls.get(), "only the new papers");
        }
    }

    @Test
    void aNodeThatStopsGracefullyHandsItsRangeOverAtOnce() {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL, tmp);
        try (Database a = Database.open(url, "postgres", ""); Database b = Database.open(url, "postgres", "")) {
            addPapers(a, EmbeddingRanges.RANGE);
            EmbeddingRanges stopping = new EmbeddingRanges(a, new EmbeddingStore(a), clock);
            assertTrue(stopping.next("fake-concepts").isPresent());
            EmbeddingStore store = new EmbeddingStore(b);
            try (EmbeddingBackfill nodeB = node(b, new Counting(perText), store)) {
                assertTrue(!nodeB.runSharedOnce(), "leased by the other node");
                stopping.release("fake-concepts");
                assertTrue(nodeB.runSharedOnce(), "released: taken at once");
            }
            assertEquals(0, store.countMissing("fake-concepts"));
        }
    }

    @Test
    void aRangeLeftByANodeThatDiedIsTakenAgainAfterItsLease() {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL, tmp);
        try (Database a = Database.open(url, "postgres", ""); Database b = Database.open(url, "postgres", "")) {
            addPapers(a, EmbeddingRanges.RANGE * 2);
            EmbeddingStore store = new EmbeddingStore(b);
            EmbeddingRanges dying = new EmbeddingRanges(a, new EmbeddingStore(a), clock);
            Optional<EmbeddingRanges.Range> lost = dying.next("fake-concepts"); // taken, never finished
            assertTrue(lost.isPresent());
            Counting onB = new Counting(perText);
            try (EmbeddingBackfill nodeB = node(b, onB, store)) {
                assertTrue(nodeB.runSharedOnce());
                assertTrue(!nodeB.runSharedOnce(), "the dead node's range is still leased");
                assertEquals(EmbeddingRanges.RANGE, store.countMissing("fake-concepts"));
                clock.advance(EmbeddingRanges.LEASE.plusSeconds(1));
                assertTrue(nodeB.runSharedOnce(), "its lease ran out: B takes it");
            }
            assertEquals(0, store.countMissing("fake-concepts"));
            assertEquals(EmbeddingRanges.RANGE * 2, onB.calls.get());
        }
    }
}
