package org.paperboy.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.community.ModerationEntry;
import org.paperboy.community.ModerationRepository;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class SearchIndexTest {

    @TempDir
    Path tmp;

    Database db;
    PaperRepository papers;
    EmbeddingStore vectors;
    final FakeEmbedder embedder = new FakeEmbedder();

    void open(TestDatabases.Kind kind) {
        db = TestDatabases.open(kind, tmp);
        papers = new PaperRepository(db);
        vectors = new EmbeddingStore(db);
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    SearchIndex index() {
        return new SearchIndex(tmp.resolve("index"), embedder.model(), false);
    }

    void loadAndEmbed() {
        papers.upsert(Corpus.papers(), Corpus.DAY, Corpus.NEWER_WINS);
        try (EmbeddingBackfill b = new EmbeddingBackfill(vectors, embedder, 2)) {
            b.runFrom(0, n -> {});
        }
    }

    static List<String> ids(PaperSearch search, String query, PaperSearch.Mode mode) {
        return search.search(new PaperSearch.Request(QueryParser.parse(query), mode, PaperSearch.Order.RELEVANCE, 0, 10, false))
                .hits().stream().map(PaperSearch.Hit::id).toList();
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void followsInsertsUpdatesAndNewVersions(TestDatabases.Kind kind) {
        open(kind);
        try (SearchIndex index = index()) {
            IndexFollower follower = new IndexFollower(index, papers, vectors);
            PaperSearch search = new PaperSearch(index, embedder);
            papers.upsert(Corpus.papers().subList(0, 3), Corpus.DAY, Corpus.NEWER_WINS);
            assertEquals(3, follower.catchUp(n -> {}));
            assertEquals(List.of("2601.00003"), ids(search, "protein", PaperSearch.Mode.KEYWORD));

            Paper p3 = Corpus.papers().get(2);
            Paper renamed = Corpus.paper("2601.00003", 1, "Enzyme kinetics", p3.abstractText(), p3.listingDate(), "Ada Lovelace", false, "q-bio.BM");
            papers.upsert(List.of(renamed), Corpus.DAY, Corpus.NEWER_WINS);
            follower.catchUp(n -> {});
            assertEquals(List.of("2601.00003"), ids(search, "kinetics", PaperSearch.Mode.KEYWORD));
            assertEquals(List.of(), ids(search, "folding", PaperSearch.Mode.KEYWORD));

            Paper v2 = Corpus.paper("2601.00003", 2, "Enzyme kinetics, revised", "Now about chaperones.", p3.listingDate(), "Ada Lovelace", false, "q-bio.BM");
            papers.upsert(List.of(v2), Corpus.DAY, Corpus.NEWER_WINS);
            follower.catchUp(n -> {});
            assertEquals(List.of("2601.00003"), ids(search, "chaperones", PaperSearch.Mode.KEYWORD));
            assertEquals(3, index.size(), "a new version replaces the paper's document");
            assertEquals(papers.lastChangeSeq(), index.paperSeq());
            assertEquals(0, follower.catchUp(n -> {}), "nothing new: nothing applied");
        }
    }

    @Test
    void aVoteMovesTheSequenceButDoesNotReindexThePaper() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        try (SearchIndex index = index()) {
            IndexFollower follower = new IndexFollower(index, papers, vectors);
            follower.catchUp(n -> {});
            db.jdbi().useTransaction(h -> papers.touch(h, "2601.00003")); // what a vote or a comment does
            assertEquals(0, follower.catchUp(n -> {}), "same content: nothing re-indexed");
            assertEquals(papers.lastChangeSeq(), index.paperSeq(), "the cursor still moves on");
            Paper p3 = Corpus.papers().get(2);
            papers.upsert(List.of(Corpus.paper("2601.00003", 2, "Protein design", p3.abstractText(), p3.listingDate(), "Ada Lovelace", false, "q-bio.BM")),
                    Corpus.DAY, Corpus.NEWER_WINS);
            assertEquals(1, follower.catchUp(n -> {}), "new content is re-indexed");
            assertEquals(List.of("2601.00003"), ids(new PaperSearch(index, embedder), "design", PaperSearch.Mode.KEYWORD));
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void vectorsArriveAfterThePaperAndAreFollowedToo(TestDatabases.Kind kind) {
        open(kind);
        papers.upsert(Corpus.papers(), Corpus.DAY, Corpus.NEWER_WINS);
        try (SearchIndex index = index()) {
            IndexFollower follower = new IndexFollower(index, papers, vectors);
            PaperSearch search = new PaperSearch(index, embedder);
            follower.catchUp(n -> {});
            assertEquals(List.of(), ids(search, "automobile", PaperSearch.Mode.SEMANTIC), "no vectors yet");
            assertEquals(7, vectors.countMissing(embedder.model()));
            try (EmbeddingBackfill b = new EmbeddingBackfill(vectors, embedder, 2)) {
                b.runFrom(0, n -> {});
                assertEquals(0, vectors.countMissing(embedder.model()));
                long[] again = {0};
                b.runFrom(0, n -> again[0] += n);
                assertEquals(0, again[0], "a rerun embeds nothing twice");
            }
            follower.catchUp(n -> {});
            assertEquals(List.of("2601.00002", "2601.00001", "2601.00007"), ids(search, "automobile", PaperSearch.Mode.SEMANTIC).subList(0, 3));
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aPaperAModeratorHidesLeavesSearchUntilRestored(TestDatabases.Kind kind) {
        open(kind);
        loadAndEmbed();
        ModerationRepository moderation = new ModerationRepository(db, papers);
        try (SearchIndex index = index()) {
            IndexFollower follower = new IndexFollower(index, papers, vectors);
            PaperSearch search = new PaperSearch(index, embedder);
            follower.catchUp(n -> {});
            assertTrue(ids(search, "automobile", PaperSearch.Mode.HYBRID).contains("2601.00002"));

            assertTrue(moderation.setPaperHidden("2601.00002", true, moderationEntry("hide")));
            follower.catchUp(n -> {});
            for (PaperSearch.Mode mode : PaperSearch.Mode.values()) {
                assertFalse(ids(search, "automobile safety", mode).contains("2601.00002"), mode + " still finds a hidden paper");
            }
            assertFalse(search.similar("2601.00001", 6).stream().anyMatch(h -> h.id().equals("2601.00002")));
            assertEquals(6, index.size());

            assertTrue(moderation.setPaperHidden("2601.00002", false, moderationEntry("restore")));
            follower.catchUp(n -> {});
            assertTrue(ids(search, "automobile", PaperSearch.Mode.HYBRID).contains("2601.00002"));
        }
    }

    @Test
    void aHiddenPapersLateVectorDoesNotBringItBack() {
        open(TestDatabases.Kind.SQLITE);
        papers.upsert(Corpus.papers(), Corpus.DAY, Corpus.NEWER_WINS);
        new ModerationRepository(db, papers).setPaperHidden("2601.00002", true, moderationEntry("hide"));
        try (SearchIndex index = index(); EmbeddingBackfill b = new EmbeddingBackfill(vectors, embedder, 1)) {
            IndexFollower follower = new IndexFollower(index, papers, vectors);
            follower.catchUp(n -> {});
            b.runFrom(0, n -> {});
            follower.catchUp(n -> {});
            assertEquals(6, index.size());
            assertFalse(ids(new PaperSearch(index, embedder), "automobile", PaperSearch.Mode.SEMANTIC).contains("2601.00002"));
        }
    }

    static ModerationEntry moderationEntry(String action) {
        return new ModerationEntry(0, 1, "ada", action, "paper", "2601.00002", "spam");
    }

    @Test
    void anIndexAheadOfARestoredBackupIsRebuiltFromIt() {
        open(TestDatabases.Kind.SQLITE);
        papers.upsert(Corpus.papers().subList(2, 3), Corpus.DAY, Corpus.NEWER_WINS);
        Path backup = tmp.resolve("backup.db");
        db.backupTo(backup);
        papers.upsert(Corpus.papers(), Corpus.DAY, Corpus.NEWER_WINS);
        try (SearchIndex index = index()) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
            assertEquals(7, index.size());
        }
        try (Database restored = Database.open("jdbc:sqlite:" + backup, "", ""); SearchIndex index = index()) {
            PaperRepository restoredPapers = new PaperRepository(restored);
            assertEquals(papers.catalogId(), restoredPapers.catalogId(), "a backup is the same database, earlier");
            new IndexFollower(index, restoredPapers, new EmbeddingStore(restored)).catchUp(n -> {});
            assertEquals(1, index.size());
            assertEquals(List.of("2601.00003"), ids(new PaperSearch(index, embedder), "protein", PaperSearch.Mode.KEYWORD));
        }
    }

    @Test
    void anIndexBuiltFromAnotherDatabaseIsRebuiltEvenWhenThatOneIsFurtherAlong() {
        open(TestDatabases.Kind.SQLITE);
        papers.upsert(Corpus.papers().subList(0, 1), Corpus.DAY, Corpus.NEWER_WINS);
        try (SearchIndex index = index()) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
        }
        try (Database other = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp.resolve("other")); SearchIndex index = index()) {
            PaperRepository otherPapers = new PaperRepository(other);
            otherPapers.upsert(Corpus.papers().subList(1, 7), Corpus.DAY, Corpus.NEWER_WINS);
            new IndexFollower(index, otherPapers, new EmbeddingStore(other)).catchUp(n -> {});
            assertEquals(6, index.size(), "nothing of the first database is left");
            assertEquals(List.of(), ids(new PaperSearch(index, embedder), "battery", PaperSearch.Mode.KEYWORD));
        }
    }

    @Test
    void theBackgroundBackfillRemembersHowFarItGotForTheNextStart() throws Exception {
        open(TestDatabases.Kind.SQLITE);
        papers.upsert(Corpus.papers(), Corpus.DAY, Corpus.NEWER_WINS);
        assertEquals(0, vectors.backfillCursor(embedder.model()));
        try (EmbeddingBackfill b = new EmbeddingBackfill(vectors, embedder, 1)) {
            b.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (vectors.backfillCursor(embedder.model()) < papers.lastChangeSeq() && System.nanoTime() < deadline) Thread.sleep(20);
        }
        assertEquals(0, vectors.countMissing(embedder.model()));
        assertEquals(papers.lastChangeSeq(), vectors.backfillCursor(embedder.model()), "a restart starts after this, not at the first paper");
    }

    @Test
    void aChangedAbstractIsEmbeddedAgain() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        Paper p = Corpus.papers().get(3);
        papers.upsert(List.of(Corpus.paper(p.id().base(), 2, p.title(), "Now about stars and galaxies.", p.listingDate(), "Vera Rubin", false, "astro-ph.GA")),
                Corpus.DAY, Corpus.NEWER_WINS);
        try (EmbeddingBackfill b = new EmbeddingBackfill(vectors, embedder, 1)) {
            long[] n = {0};
            b.runFrom(0, x -> n[0] += x);
            assertEquals(1, n[0]);
        }
    }

    @Test
    void hybridFusesKeywordAndMeaningInAKnownOrder() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        try (SearchIndex index = index()) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
            PaperSearch search = new PaperSearch(index, embedder);
            assertEquals(List.of("2601.00007", "2601.00001"), ids(search, "car", PaperSearch.Mode.KEYWORD));
            assertEquals(List.of("2601.00002", "2601.00001", "2601.00007"), ids(search, "car", PaperSearch.Mode.SEMANTIC).subList(0, 3));
            // every candidate gets both scores, standardised over the 7: cosine z 00002 +1.64, 00001 +1.20, 00007 +0.45,
            // the rest -0.81; BM25 is 0 for the five without the word, so 00007 and 00001 (words and meaning) lead 00002,
            // and the four papers that neither match the word nor are close in meaning are dropped
            assertEquals(List.of("2601.00007", "2601.00001", "2601.00002"), ids(search, "car", PaperSearch.Mode.HYBRID));
        }
    }

    @Test
    void hybridEmbedsQueriesAsItsFusionWasLearnedAndSemanticWithTheInstruction() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        List<String> asked = new CopyOnWriteArrayList<>();
        Embedder recording = new Embedder() {
            public String model() { return embedder.model(); }
            public int dimensions() { return embedder.dimensions(); }
            public float[] embedQuery(String q) { asked.add("query " + q); return embedder.embedQuery(q); }
            public float[] embedDocument(String t) { asked.add("bare " + t); return embedder.embedDocument(t); }
        };
        try (SearchIndex index = index()) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
            LearnedFusion bare = LearnedFusion.HAND_BUILT.withQueryInstruction(false);
            ids(new PaperSearch(index, recording, LearnedFusion.HAND_BUILT), "car", PaperSearch.Mode.HYBRID);
            ids(new PaperSearch(index, recording, bare), "bus", PaperSearch.Mode.HYBRID);
            ids(new PaperSearch(index, recording, bare), "car", PaperSearch.Mode.SEMANTIC);
            new PaperSearch(index, recording, bare).candidates(QueryParser.parse("protein"));
            assertEquals(List.of("query car", "bare bus", "query car", "bare protein"), asked);
        }
    }

    @Test
    void semanticOnlyMatchesFillWhatKeywordLeavesDownToTheSimilarityFloor() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        try (SearchIndex index = index()) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
            PaperSearch search = new PaperSearch(index, embedder);
            assertEquals(0.8, search.fusion().similarityFloor(), "the test model fusion/fake-concepts.json");
            assertEquals(0.8, search.fusion().semanticFloor(), "its queries carry the instruction in both modes: one floor");
            // one paper has the word; two more mean it (cosine 0.95 and 0.86) and fill the list; the four others
            // (cosine 0.71 or less) are below the floor in both modes
            assertEquals(List.of("2601.00002"), ids(search, "automobile", PaperSearch.Mode.KEYWORD));
            List<String> hybrid = ids(search, "automobile", PaperSearch.Mode.HYBRID);
            assertEquals(Set.of("2601.00002", "2601.00001", "2601.00007"), Set.copyOf(hybrid), hybrid.toString());
            assertEquals(Set.copyOf(hybrid), Set.copyOf(ids(search, "automobile", PaperSearch.Mode.SEMANTIC)));
            // without a floor nearest-neighbour search fills k with whatever is least far
            assertEquals(7, ids(new PaperSearch(index, embedder, LearnedFusion.HAND_BUILT), "automobile", PaperSearch.Mode.SEMANTIC).size());
        }
    }

    @Test
    void explainGivesEachHitsScoreParts() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        try (SearchIndex index = index()) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
            PaperSearch search = new PaperSearch(index, embedder);
            var hits = search.search(new PaperSearch.Request(QueryParser.parse("car"), PaperSearch.Mode.HYBRID, PaperSearch.Order.RELEVANCE, 0, 10, false, true)).hits();
            PaperSearch.Hit top = hits.get(0);
            assertEquals("2601.00007", top.id());
            PaperSearch.Explanation x = top.explain();
            assertTrue(x.keyword() > 0 && x.titleBoost() > 0 && x.titleBoost() < x.keyword(), x.toString());
            assertEquals(0, x.authorsBoost());
            assertEquals(5 / (Math.sqrt(2) * Math.sqrt(17)), x.meaning(), 1e-6, "four car words and the constant part");
            assertEquals(top.score(), x.fusion(), 1e-5);
            assertEquals(List.of("z_keyword", "z_meaning"), List.copyOf(x.contributions().keySet()));
            assertEquals("test-tiny-1", x.fusionVersion());
            PaperSearch.Explanation meaningOnly = hits.stream().filter(h -> h.id().equals("2601.00002")).findFirst().orElseThrow().explain();
            assertEquals(0, meaningOnly.keyword());
            assertEquals(1.0, meaningOnly.meaning(), 1e-6);
            var keyword = search.search(new PaperSearch.Request(QueryParser.parse("car"), PaperSearch.Mode.KEYWORD, PaperSearch.Order.RELEVANCE, 0, 10, false, true)).hits();
            assertEquals(keyword.get(0).score(), keyword.get(0).explain().keyword(), 1e-5);
            assertTrue(Double.isNaN(keyword.get(0).explain().fusion()), "no fusion in keyword mode");
            assertEquals(null, search.search(new PaperSearch.Request(QueryParser.parse("car"), PaperSearch.Mode.HYBRID, PaperSearch.Order.RELEVANCE, 0, 10, false)).hits().get(0).explain());
        }
    }

    @Test
    void filtersSortAndCounts() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        try (SearchIndex index = index()) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
            PaperSearch search = new PaperSearch(index, embedder);
            assertEquals(List.of("2601.00001"), ids(search, "car cat:cs.LG", PaperSearch.Mode.KEYWORD));
            // nearest neighbours always fill k, but the other cs.LG paper (protein folding, cosine 0.71) is below the
            // test fusion's similarity floor (0.8, fusion/fake-concepts.json), so neither semantic nor hybrid returns it
            assertEquals(List.of("2601.00001"), ids(search, "car cat:cs.LG", PaperSearch.Mode.SEMANTIC));
            assertEquals(List.of("2601.00001"), ids(search, "car cat:cs.LG", PaperSearch.Mode.HYBRID));
            assertEquals(List.of("2601.00001"), ids(search, "cars has:code", PaperSearch.Mode.KEYWORD));
            assertEquals(List.of("2601.00001", "2601.00003"), ids(search, "author:\"ada lovelace\"", PaperSearch.Mode.KEYWORD), "filters alone: newest first");
            assertEquals(List.of("2601.00001", "2601.00003"), ids(search, "author:lovelace author:hopper", PaperSearch.Mode.KEYWORD));
            assertEquals(List.of(), ids(search, "author:\"lovelace ada\"", PaperSearch.Mode.KEYWORD));
            assertEquals(List.of("2601.00002"), ids(search, "after:2026-01-08", PaperSearch.Mode.KEYWORD));
            assertEquals(List.of("2601.00003"), ids(search, "before:2026-01-03", PaperSearch.Mode.KEYWORD));
            assertEquals(List.of("2601.00005"), ids(search, "\"machine translation\"", PaperSearch.Mode.KEYWORD));
            assertEquals(List.of(), ids(search, "\"translation machine\"", PaperSearch.Mode.KEYWORD));
            assertEquals(List.of("2601.00006", "2601.00005"), ids(search, "cat:cs.CL", PaperSearch.Mode.HYBRID));
            assertEquals(List.of("2601.00001", "2601.00005", "2601.00003"), ids(search, "cat:cs cat:q-bio.BM before:2026-01-06", PaperSearch.Mode.KEYWORD));

            var byDate = search.search(new PaperSearch.Request(QueryParser.parse("car"), PaperSearch.Mode.HYBRID, PaperSearch.Order.DATE, 0, 10, true));
            assertEquals(List.of("2601.00002", "2601.00007", "2601.00001"), byDate.hits().stream().map(PaperSearch.Hit::id).toList(), "newest first");
            assertEquals(3, byDate.total());
            assertEquals(Map.of("cs.RO", 1, "econ.GN", 1, "cs.LG", 1), byDate.categories());
            var r = search.search(new PaperSearch.Request(QueryParser.parse("car"), PaperSearch.Mode.KEYWORD, PaperSearch.Order.RELEVANCE, 0, 10, true));
            assertEquals(2, r.total());
            assertEquals(Map.of("econ.GN", 1, "cs.LG", 1), r.categories());
            Snippet s = r.hits().get(0).snippet();
            assertTrue(s.parts().stream().anyMatch(p -> p.match() && p.text().equalsIgnoreCase("car")), s.toString());

            var totalOnly = search.search(new PaperSearch.Request(QueryParser.parse("car"), PaperSearch.Mode.HYBRID, PaperSearch.Order.RELEVANCE, 0, 1,
                    false, false, true));
            assertEquals(byDate.total(), totalOnly.total(), "the API's exact total, beyond the one hit asked for");
            assertEquals(Map.of(), totalOnly.categories(), "no per-category counts");
            assertTrue(totalOnly.hits().get(0).snippet().parts().isEmpty(), "no snippets");
        }
    }

    @Test
    void pagingWalksTheSameRanking() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        try (SearchIndex index = index()) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
            PaperSearch search = new PaperSearch(index, embedder);
            var all = search.search(new PaperSearch.Request(QueryParser.parse("cat:cs.CL cat:cs.LG cat:cs.RO"), PaperSearch.Mode.KEYWORD, PaperSearch.Order.DATE, 0, 10, false)).hits();
            var second = search.search(new PaperSearch.Request(QueryParser.parse("cat:cs.CL cat:cs.LG cat:cs.RO"), PaperSearch.Mode.KEYWORD, PaperSearch.Order.DATE, 2, 2, false)).hits();
            assertEquals(all.subList(2, 4), second);
        }
    }

    @Test
    void allStopwordsIsAFriendlyError() {
        open(TestDatabases.Kind.SQLITE);
        try (SearchIndex index = index()) {
            PaperSearch search = new PaperSearch(index, embedder);
            QueryException e = assertThrows(QueryException.class, () -> ids(search, "the of and", PaperSearch.Mode.HYBRID));
            assertTrue(e.getMessage().contains("common"));
        }
    }

    @Test
    void similarPapersExcludeThePaperAndItsVersions() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        Paper p1 = Corpus.papers().get(0);
        papers.upsert(List.of(Corpus.paper(p1.id().base(), 3, p1.title(), p1.abstractText() + " Car fleets.", p1.listingDate(), "Ada Lovelace", true, "cs.LG")),
                Corpus.DAY, Corpus.NEWER_WINS);
        try (SearchIndex index = index(); EmbeddingBackfill b = new EmbeddingBackfill(vectors, embedder, 1)) {
            b.runFrom(0, n -> {});
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
            PaperSearch search = new PaperSearch(index, embedder);
            List<String> similar = search.similar("2601.00001", 3).stream().map(PaperSearch.Hit::id).toList();
            assertFalse(similar.contains("2601.00001"));
            assertEquals(3, similar.size());
            assertEquals(List.of("2601.00007", "2601.00002"), similar.subList(0, 2), "car papers first: 00007 by words and meaning, 00002 by meaning");
            assertEquals(List.of(), search.similar("9999.99999", 3));
        }
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheDatabase() throws IOException {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        try (SearchIndex index = index()) {
            assertTrue(index.rebuilt());
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
        }
        try (SearchIndex index = index()) {
            assertFalse(index.rebuilt(), "a sound index is reused");
            assertEquals(7, index.size());
            assertEquals(0, new IndexFollower(index, papers, vectors).catchUp(n -> {}));
        }
        deleteTree(tmp.resolve("index"));
        assertRebuiltAndComplete();
    }

    @Test
    void aCorruptIndexIsRebuilt() throws IOException {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        try (SearchIndex index = index()) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
        }
        try (Stream<Path> files = Files.list(tmp.resolve("index"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) Files.write(f, new byte[] {1, 2, 3});
        }
        assertRebuiltAndComplete();
    }

    @Test
    void anOlderSchemaIsRebuilt() throws IOException {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        Files.createDirectories(tmp.resolve("index"));
        try (FSDirectory d = FSDirectory.open(tmp.resolve("index")); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            w.setLiveCommitData(Map.of("schema", "0", "model", embedder.model(), "paperSeq", "999").entrySet());
            w.commit();
        }
        assertRebuiltAndComplete();
    }

    @Test
    void aSecondProcessSearchesReadOnlyWhileServeOwnsTheIndex() {
        open(TestDatabases.Kind.SQLITE);
        loadAndEmbed();
        try (SearchIndex owner = index()) {
            new IndexFollower(owner, papers, vectors).catchUp(n -> {});
            try (SearchIndex second = index()) {
                assertTrue(second.readOnly());
                assertFalse(second.rebuilt(), "never wipes an index another process writes");
                assertEquals(List.of("2601.00007", "2601.00001"), ids(new PaperSearch(second, embedder), "car", PaperSearch.Mode.KEYWORD));
                assertEquals(0, new IndexFollower(second, papers, vectors).catchUp(n -> {}));
                assertThrows(IllegalStateException.class, () -> second.commit(1, 1));
            }
        }
    }

    @Test
    void aLargeBatchIsWrittenInParallelAndALaterVersionInItStillWins() {
        List<Paper> batch = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        for (int i = 1; i <= SearchIndex.PARALLEL_PUT_MIN * 2; i++) {
            String id = String.format(Locale.ROOT, "2602.%05d", i);
            batch.add(Corpus.paper(id, 1, "Bulk paper " + i, "Abstract number " + i + " about lattices.", Corpus.DAY, "Ada Lovelace", false, "cs.LG"));
            hashes.put(id, "h" + i);
        }
        try (SearchIndex index = index()) {
            index.put(batch, Map.of(), hashes);
            index.commit(1, 0);
            index.refresh();
            assertEquals(batch.size(), index.size());
            assertEquals(hashes, index.indexedHashes(hashes.keySet()), "every paper once, with its own hash");

            List<Paper> twoVersions = new ArrayList<>(batch);
            twoVersions.add(Corpus.paper("2602.00001", 2, "Bulk paper revised", "A second version.", Corpus.DAY, "Ada Lovelace", false, "cs.LG"));
            index.put(twoVersions, Map.of(), Map.of("2602.00001", "v2"));
            index.commit(2, 0);
            index.refresh();
            assertEquals(batch.size(), index.size());
            assertEquals(List.of("2602.00001"), ids(new PaperSearch(index, embedder), "revised", PaperSearch.Mode.KEYWORD),
                    "the later version in the batch wins");
        }
    }

    private void assertRebuiltAndComplete() {
        try (SearchIndex index = index()) {
            assertTrue(index.rebuilt());
            assertEquals(0, index.paperSeq());
            assertEquals(7, new IndexFollower(index, papers, vectors).catchUp(n -> {}));
            PaperSearch search = new PaperSearch(index, embedder);
            assertEquals(List.of("2601.00007", "2601.00001", "2601.00002"), ids(search, "car", PaperSearch.Mode.HYBRID).subList(0, 3),
                    "vectors come back from the database, not recomputed");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
