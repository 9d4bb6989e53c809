package org.paperboy.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

/**
 * A full disk while the index writes: Lucene closes its writer for good; the follower reports the
 * problem (for /healthz) and reopens the index once the disk has room again, so search heals
 * without a restart and nothing written meanwhile is missed.
 */
class FullDiskIndexTest {
    @TempDir
    Path tmp;

    private Database db;
    private PaperRepository papers;
    private final AtomicBoolean full = new AtomicBoolean();

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp);
        papers = new PaperRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Every new file fails, as on a file system with no space left. */
    private Directory diskThatFills(Directory d) {
        return new FilterDirectory(d) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                if (full.get()) throw new IOException("No space left on device");
                return super.createOutput(name, context);
            }

            @Override
            public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
                if (full.get()) throw new IOException("No space left on device");
                return super.createTempOutput(prefix, suffix, context);
            }
        };
    }

    @Test
    void theFollowerReopensTheIndexWhenTheDiskHasRoomAgain() {
        try (SearchIndex index = new SearchIndex(tmp.resolve("index"), "", false, this::diskThatFills)) {
            IndexFollower follower = new IndexFollower(index, papers, null);
            PaperSearch search = new PaperSearch(index, null);
            papers.upsert(Corpus.papers().subList(0, 3), Corpus.DAY, Corpus.NEWER_WINS);
            follower.pollOnce();
            assertEquals(3, index.size());
            assertNull(follower.problem());

            full.set(true);
            papers.upsert(Corpus.papers().subList(3, 7), Corpus.DAY, Corpus.NEWER_WINS);
            follower.pollOnce();
            follower.pollOnce();
            assertNotNull(follower.problem(), "a dead index is reported, not silently ignored");
            assertTrue(follower.problem().contains("No space left on device"), follower.problem());
            assertEquals(3, index.size(), "search still answers from what was committed");

            full.set(false);
            follower.pollOnce();
            assertNull(follower.problem(), "healed without a restart");
            assertEquals(Corpus.papers().size(), index.size(), "the papers written while the disk was full are indexed too");
            assertEquals(List.of("2601.00007", "2601.00001"), SearchIndexTest.ids(search, "car", PaperSearch.Mode.KEYWORD));

            papers.upsert(List.of(Corpus.paper("2601.00099", 1, "Cars after the disk was full", "Electric cars.", Corpus.DAY,
                    "Ada Lovelace", false, "cs.LG")), Corpus.DAY, Corpus.NEWER_WINS);
            follower.pollOnce();
            assertEquals(Corpus.papers().size() + 1, index.size(), "the reopened writer keeps following");
        }
    }
}
