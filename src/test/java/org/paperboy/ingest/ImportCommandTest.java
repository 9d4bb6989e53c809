package org.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.paperboy.config.Settings;
import org.paperboy.index.SearchIndex;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.PaperboyCommand;

/** The import command end to end: files, gzip by content, summary, and the refusal of an unknown format. */
class ImportCommandTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    Run paperboy(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = PaperboyCommand.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void importsFilesPrintsTheSummaryAndIsIdempotent() throws IOException {
        Path kaggle = tmp.resolve("snapshot.json.gz");
        Files.write(kaggle, ReadersTest.gzip(Collected.resource("kaggle-snapshot.jsonl")));
        Path atom = tmp.resolve("feed.xml");
        Files.write(atom, Collected.resource("atom-two-entries.xml"));
        String data = tmp.resolve("data").toString();

        Run first = paperboy("import", "--data", data, kaggle.toString(), atom.toString());
        assertEquals(1, first.exit(), "records were rejected: " + first.err());
        assertTrue(first.out().contains("5 new, 0 updated, 0 unchanged, 4 rejected"), first.out());
        assertTrue(first.out().contains("snapshot.json.gz line 3: no title"), first.out());
        assertTrue(first.err().contains("import"), "a progress line on stderr: " + first.err());

        Run again = paperboy("import", "--data", data, kaggle.toString(), atom.toString());
        assertTrue(again.out().contains("0 new, 0 updated, 5 unchanged"), again.out());
    }

    @Test
    void aCutGzipExitsOneWithTheSummaryAndACleanFileExitsZero() throws IOException {
        String[] lines = new String(Collected.resource("arxiv-daily.jsonl"), StandardCharsets.UTF_8).split("\n");
        byte[] valid = String.join("\n", lines[0], lines[1], lines[4]).getBytes(StandardCharsets.UTF_8); // lines 3 and 4 are bad
        byte[] gz = ReadersTest.gzip((new String(valid, StandardCharsets.UTF_8) + "\n").repeat(400).getBytes(StandardCharsets.UTF_8));
        Path whole = tmp.resolve("daily.jsonl.gz");
        Files.write(whole, gz);
        Path cut = tmp.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        String data = tmp.resolve("data").toString();

        Run clean = paperboy("import", "--data", data, whole.toString());
        assertEquals(0, clean.exit(), clean.out() + clean.err());
        Run r = paperboy("import", "--data", tmp.resolve("data2").toString(), cut.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("1 rejected") && r.out().contains("cut.jsonl.gz"), r.out());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void importIndexesAsItGoesAndSearchSaysHowManyPapersLackVectors() throws IOException {
        Path atom = tmp.resolve("feed.xml");
        Files.write(atom, Collected.resource("atom-two-entries.xml"));
        String data = tmp.resolve("data").toString();
        Run r = paperboy("import", "--data", data, atom.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("indexing"), r.err());
        try (SearchIndex index = new SearchIndex(tmp.resolve("data/index"), Settings.defaults().embeddingModel(), false)) {
            assertEquals(2, index.size(), "the first serve finds every paper at once");
            assertTrue(index.paperSeq() > 0);
        }
        Run search = paperboy("search", "--data", data, "gaussian");
        assertEquals(0, search.exit(), search.err());
        assertTrue(search.err().contains("2 papers still lack vectors"), search.err());
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheKnownOnes() throws IOException {
        Path csv = tmp.resolve("papers.csv");
        Files.write(csv, Collected.resource("unknown.csv"));
        Path good = tmp.resolve("daily.jsonl");
        Files.write(good, Collected.resource("arxiv-daily.jsonl"));
        Run r = paperboy("import", "--data", tmp.resolve("data").toString(), good.toString(), csv.toString());
        assertEquals(2, r.exit());
        assertTrue(!Files.exists(tmp.resolve("data/paperboy.db")), "nothing is written when one input is refused");
        assertTrue(r.err().contains("not a format Paperboy knows") && r.err().contains("OAI-PMH"), r.err());
        assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
        Run missing = paperboy("import", "--data", tmp.resolve("data").toString(), tmp.resolve("nope.jsonl").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
