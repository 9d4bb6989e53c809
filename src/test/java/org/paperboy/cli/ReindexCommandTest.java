package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.index.SearchIndex;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/** `paperboy reindex` rebuilds the index from the database, and refuses while serve owns the index. */
class ReindexCommandTest {
    @TempDir
    Path tmp;

    @Test
    void rebuildsFromTheDatabaseAndLeavesARunningServesIndexAlone() {
        try (Database db = Database.open("jdbc:sqlite:" + tmp.resolve("paperboy.db"), "", "")) {
            new PaperRepository(db).upsert(List.of(BackupCommandTest.paper("2611.00001"), BackupCommandTest.paper("2611.00002")),
                    LocalDate.of(2026, 11, 26), (a, b) -> b);
        }
        String[] off = {"--data", tmp.toString(), "--embedding-model", "off"};
        Cli.Run r = Cli.run("", concat(new String[] {"reindex"}, off));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("indexed 2 papers"), r.out());
        r = Cli.run("", concat(new String[] {"search", "Paper 2611.00002", "--mode", "keyword"}, off));
        assertTrue(r.out().contains("2611.00002"), r.out());
        r = Cli.run("", concat(new String[] {"search", "the of and"}, off));
        assertEquals(2, r.code(), "an unusable query is one line");
        assertTrue(r.err().startsWith("paperboy: ") && !r.err().contains("\tat "), r.err());

        try (SearchIndex serving = new SearchIndex(tmp.resolve("index"), "", false)) {
            r = Cli.run("", concat(new String[] {"reindex"}, off));
            assertEquals(2, r.code());
            assertTrue(r.err().contains("running `paperboy serve`"), r.err());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
