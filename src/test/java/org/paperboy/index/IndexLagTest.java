package org.paperboy.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

/** Search while the index is behind: a rebuild that resumes, and hybrid that does not punish papers without vectors. */
class IndexLagTest {
    @TempDir
    Path tmp;

    private Database db;

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void aLongCatchUpCommitsInBatchesSoAKilledRebuildResumes() {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp);
        PaperRepository papers = new PaperRepository(db);
        papers.upsert(numbered(1, 1_200), Corpus.DAY, Corpus.NEWER_WINS);
        Path dir = tmp.resolve("index");
        try (SearchIndex index = new SearchIndex(dir, "", false)) {
            IndexFollower follower = new IndexFollower(index, papers, null, IndexFollower.BATCH);
            long[] seen = {0};
            RuntimeException kill = new RuntimeException("killed");
            assertThrows(RuntimeException.class, () -> follower.catchUp(n -> {
                seen[0] += n;
                if (seen[0] > IndexFollower.BATCH) throw kill; // dies in the second batch, before its commit
            }));
            assertEquals(IndexFollower.BATCH, index.size(), "the first batch was committed and is searchable");
        }
        try (SearchIndex reopened = new SearchIndex(dir, "", false)) {
            IndexFollower follower = new IndexFollower(reopened, papers, null, IndexFollower.BATCH);
            long[] resumed = {0};
            follower.catchUp(n -> resumed[0] += n);
            assertEquals(1_200 - IndexFollower.BATCH, resumed[0], "resumes after the last commit instead of starting over");
            assertEquals(1_200, reopened.size());
        }
    }

    /** How a node joins a large cluster without a full rebuild (README, "Adding a node"): another node's index, copied. */
    @Test
    void anIndexCopiedFromAnotherNodeFollowsOnFromItsCommit() throws IOException {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp);
        PaperRepository papers = new PaperRepository(db);
        papers.upsert(numbered(1, 40), Corpus.DAY, Corpus.NEWER_WINS);
        Path first = tmp.resolve("node-a-index");
        try (SearchIndex index = new SearchIndex(first, "", false)) {
            new IndexFollower(index, papers, null).catchUp(n -> {});
        }
        papers.upsert(numbered(41, 43), Corpus.DAY, Corpus.NEWER_WINS);
        Path copy = tmp.resolve("node-b-index");
        try (Stream<Path> files = Files.list(first)) {
            Files.createDirectories(copy);
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        try (SearchIndex joined = new SearchIndex(copy, "", false)) {
            long[] applied = {0};
            new IndexFollower(joined, papers, null).catchUp(n -> applied[0] += n);
            assertEquals(3, applied[0], "only the papers changed since the copy's commit, not all 43 again");
            assertEquals(43, joined.size());
        }
    }

    private static List<Paper> numbered(int from, int to) {
        List<Paper> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(Corpus.paper(String.format("2602.%05d", i), 1, "Paper number " + i, "About cars and more.", Corpus.DAY, "Ada Lovelace", false, "cs.LG"));
        }
        return out;
    }

    @Test
    void hybridRanksAPaperWithoutItsVectorAtLeastWhereKeywordDoes() {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp);
        PaperRepository papers = new PaperRepository(db);
        EmbeddingStore vectors = new EmbeddingStore(db);
        FakeEmbedder embedder = new FakeEmbedder();
        papers.upsert(Corpus.papers(), Corpus.DAY, Corpus.NEWER_WINS);
        try (EmbeddingBackfill b = new EmbeddingBackfill(vectors, embedder, 1)) {
            b.runFrom(0, n -> {});
        }
        // the backfill has not reached the best keyword match yet
        db.jdbi().useHandle(h -> h.execute("DELETE FROM paper_embeddings WHERE arxiv_id = '2601.00007'"));
        try (SearchIndex index = new SearchIndex(tmp.resolve("index"), embedder.model(), false)) {
            new IndexFollower(index, papers, vectors).catchUp(n -> {});
            PaperSearch search = new PaperSearch(index, embedder);
            List<String> keyword = SearchIndexTest.ids(search, "car", PaperSearch.Mode.KEYWORD);
            List<String> hybrid = SearchIndexTest.ids(search, "car", PaperSearch.Mode.HYBRID);
            assertEquals("2601.00007", keyword.get(0));
            assertTrue(hybrid.indexOf("2601.00007") <= keyword.indexOf("2601.00007"),
                    "a missing vector must not push the paper down: keyword " + keyword + ", hybrid " + hybrid);
            assertTrue(hybrid.contains("2601.00002"), "embedded papers still come by meaning: " + hybrid);
        }
    }
}
