package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

/** A paper's stored embedding in its features: where it goes, its weight, and that the model learns from it. */
class PaperVectorsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path tmp;

    private static float[] axis(int i) {
        float[] v = new float[Vocabulary.VECTOR_WIDTH];
        v[i] = 3; // not unit length: the features scale it
        return v;
    }

    private static Item item(String id, String title, LocalDate day) {
        return new Item(id, title, "Networks and models for data.", List.of("cs.LG"), day);
    }

    @Test
    void theEmbeddingFollowsTheCategoriesWithItsWeight() {
        Item a = item("a", "Graph networks", DAY);
        Vocabulary v = Vocabulary.build(List.of(a, item("b", "Graph models", DAY)));
        SparseVector text = v.features(a);
        SparseVector both = v.features(a, axis(5));
        assertEquals(text.size() + Vocabulary.VECTOR_WIDTH, both.size());
        assertEquals(v.vectorOffset() + Vocabulary.VECTOR_WIDTH, v.dimensions());
        for (int i = 0; i < text.size(); i++) assertEquals(text.index()[i], both.index()[i]);
        assertTrue(text.index()[text.size() - 1] < v.vectorOffset(), "text and categories come first");
        assertEquals(Vocabulary.VECTOR_WEIGHT, both.get(v.vectorOffset() + 5), 1e-6, "the embedding is scaled to norm VECTOR_WEIGHT");
        assertEquals(0, both.get(v.vectorOffset() + 4));
        assertEquals("embedding 5", v.name(v.vectorOffset() + 5));
        assertTrue(!v.isTerm(v.vectorOffset() + 5));
    }

    @Test
    void withoutAnEmbeddingOrWithAnotherWidthAPaperHasItsTextAlone() {
        Item a = item("a", "Graph networks", DAY);
        Vocabulary v = Vocabulary.build(List.of(a));
        assertSameFeatures(v.features(a), v.features(a, null));
        assertSameFeatures(v.features(a), v.features(a, new float[] {1, 2, 3}));
        assertSameFeatures(v.features(a), v.features(a, new float[Vocabulary.VECTOR_WIDTH]));
        Vocabulary off = Vocabulary.build(List.of(a), new Vocabulary.Options(0.5, 2, Vocabulary.NGRAMS, 1, 0));
        assertSameFeatures(off.features(a), off.features(a, axis(1)));
    }

    private static void assertSameFeatures(SparseVector expected, SparseVector actual) {
        assertArrayEquals(expected.index(), actual.index());
        assertArrayEquals(expected.value(), actual.value());
    }

    /** Every paper has the same words; only the embeddings tell the reader's kind of paper apart, and the model ranks by them. */
    @Test
    void theModelLearnsFromEmbeddingsWhereTheTextSaysNothing() {
        List<Item> items = new ArrayList<>();
        Map<String, float[]> vectors = new HashMap<>();
        LocalDate before = DAY.minusDays(30);
        for (int i = 0; i < 20; i++) {
            String id = "old" + i;
            items.add(item(id, "Networks", before));
            vectors.put(id, axis(i < 5 ? 0 : 1));
        }
        items.add(item("new-like", "Networks", DAY));
        items.add(item("new-other", "Networks", DAY));
        items.add(item("new-none", "Networks", DAY));
        vectors.put("new-like", axis(0));
        vectors.put("new-other", axis(1));
        MemoryCatalog catalog = new MemoryCatalog(items, Vocabulary.Options.DEFAULT, vectors);
        Ranker ranker = new Ranker(catalog);
        List<Signal> likes = List.of(new Signal("old0", Signal.Kind.SAVED), new Signal("old1", Signal.Kind.SAVED), new Signal("old2", Signal.Kind.SAVED),
                new Signal("old3", Signal.Kind.SAVED), new Signal("old4", Signal.Kind.SAVED));
        ReaderModel model = ranker.train(likes, catalog.passedOver(likes));
        List<String> order = ranker.rank(model, catalog.listedOn(DAY)).stream().map(Ranker.Scored::id).toList();
        assertEquals(List.of("new-like", "new-none", "new-other"), order, "a paper without an embedding ranks on its text, between the two");
    }

    @Test
    void theDatabaseCatalogAddsTheStoredEmbedding() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            papers.upsert(List.of(paper("2603.00001", "Graph neural networks"), paper("2603.00002", "Speech recognition")), DAY, (a, b) -> b);
            EmbeddingStore store = new EmbeddingStore(db);
            store.save("m", List.of(new EmbeddingStore.Computed("2603.00001", "h", axis(7))));
            DbCatalog catalog = new DbCatalog(papers, PaperVectors.stored(store, "m"));
            int offset = catalog.vocabulary().vectorOffset();
            assertEquals(Vocabulary.VECTOR_WEIGHT, catalog.features(catalog.item("2603.00001")).get(offset + 7), 1e-6);
            SparseVector without = catalog.features(catalog.item("2603.00002"));
            assertTrue(without.index()[without.size() - 1] < offset, "no stored vector: text and categories only");
            DbCatalog off = new DbCatalog(papers, PaperVectors.stored(store, ""));
            assertEquals(0, off.features(off.item("2603.00001")).get(offset + 7), "embeddings off: none read");
        }
    }

    private static Paper paper(String id, String title) {
        return new Paper(new ArxivId(id, 1), title, List.of(new Author("Grace Hopper", null)), "An abstract about " + title + ".", "cs.LG",
                List.of("cs.LG"), null, null, null, null, DAY, null, List.of(new PaperVersion(1, DAY, null)), DAY, List.of(), 0, 0);
    }

    @Test
    void passedOverComesFromTheLatestActiveDaysOnly() {
        List<Item> items = new ArrayList<>();
        List<Signal> likes = new ArrayList<>();
        int days = Catalog.ACTIVE_DAYS + 5;
        for (int d = 0; d < days; d++) {
            items.add(item("like" + d, "Graph networks", DAY.minusDays(d)));
            items.add(item("other" + d, "Speech models", DAY.minusDays(d)));
            likes.add(new Signal("like" + d, Signal.Kind.SAVED));
        }
        MemoryCatalog catalog = new MemoryCatalog(items);
        List<String> negatives = catalog.passedOver(likes).stream().map(Item::id).toList();
        assertEquals(Catalog.ACTIVE_DAYS, negatives.size());
        assertTrue(negatives.contains("other0") && negatives.contains("other" + (Catalog.ACTIVE_DAYS - 1)));
        assertTrue(!negatives.contains("other" + Catalog.ACTIVE_DAYS), "older days are left out, as on the For-you page");
    }
}
