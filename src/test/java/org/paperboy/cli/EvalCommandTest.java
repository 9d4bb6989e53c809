package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.Database;

/** `paperboy eval` on a three-document BEIR folder whose keyword figures are known by hand. */
class EvalCommandTest {
    @TempDir
    Path tmp;

    private static Cli.Run run(String... args) {
        return Cli.run("", args);
    }


    private Path beirFolder() throws IOException {
        Path dir = tmp.resolve("tiny");
        Files.createDirectories(dir.resolve("qrels"));
        Files.write(dir.resolve("corpus.jsonl"), List.of(
                "{\"_id\":\"101\",\"title\":\"Pruning attention heads\",\"text\":\"We prune attention heads in transformers.\"}",
                "{\"_id\":\"102\",\"title\":\"Protein folding\",\"text\":\"Deep networks predict protein structure.\"}",
                "{\"_id\":\"103\",\"title\":\"Galaxy formation\",\"text\":\"Simulations of galaxies over cosmic time.\"}"));
        Files.write(dir.resolve("queries.jsonl"), List.of(
                "{\"_id\":\"1\",\"text\":\"pruning attention heads\"}",
                "{\"_id\":\"2\",\"text\":\"protein structure prediction\"}",
                "{\"_id\":\"3\",\"text\":\"zebras\"}",
                "{\"_id\":\"4\",\"text\":\"an unjudged query\"}"));
        Files.write(dir.resolve("qrels/test.tsv"), List.of("query-id\tcorpus-id\tscore", "1\t101\t1", "2\t102\t1", "3\t103\t1"));
        return dir;
    }

    @Test
    void keywordFiguresAndATrecRunFile() throws IOException {
        Path dir = beirFolder();
        Path runFile = tmp.resolve("bm25.run");
        Cli.Run r = run("eval", dir.toString(), "--mode", "keyword", "--run-file", runFile.toString(), "--data", tmp.resolve("data").toString());
        assertEquals(0, r.code(), r.err());
        // queries 1 and 2 find their document first, "zebras" finds nothing: 2 of 3
        assertTrue(r.out().matches("(?s).*-\\s+keyword\\s+-\\s+0\\.6667\\s+0\\.6667\\s+0\\.6667.*"), r.out());
        List<String> lines = Files.readAllLines(runFile);
        assertTrue(lines.get(0).matches("1 Q0 101 1 \\d+\\.\\d{6} paperboy-bm25-keyword"), lines.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("4 ")), "unjudged queries are not run");
    }

    @Test
    void everyModeWithTheRealModelWritesOneRunFileEach() throws IOException {
        Path dir = beirFolder();
        Path runFile = tmp.resolve("all.run");
        Cli.Run r = run("eval", dir.toString(), "--run-file", runFile.toString(), "--data", tmp.resolve("data").toString());
        assertEquals(0, r.code(), r.err());
        for (String mode : List.of("keyword", "semantic", "hybrid")) {
            assertTrue(r.out().matches("(?s).*\\s" + mode + "\\s+(-|hand-built)\\s+[01]\\.\\d{4}\\s.*"), mode + ": " + r.out());
        }
        assertTrue(r.out().matches("(?s).*bge-small-en-v1\\.5-q\\s+semantic\\s+hand-built\\s+1\\.0000.*"), "the model ranks each document first: " + r.out());
        // with the shipped fusion's similarity floor, "zebras" no longer finds the galaxy paper that is merely the least far
        assertTrue(r.out().matches("(?s).*bge-small-en-v1\\.5-q\\s+semantic\\s+shipped \\S+\\s+0\\.6667.*"), r.out());
        assertTrue(r.out().matches("(?s).*bge-small-en-v1\\.5-q\\s+hybrid\\s+hand-built\\s+[01]\\.\\d{4}.*"), r.out());
        assertTrue(Files.readString(tmp.resolve("all.run.bge-small-en-v1.5-q-hybrid-hand_built")).contains("paperboy-bge-small-en-v1.5-q-hybrid-hand_built"));
    }

    @Test
    void aCacheMadeByAnotherBuildIsStartedAfresh() throws IOException {
        Path dir = beirFolder();
        Path data = tmp.resolve("data");
        assertEquals(0, run("eval", dir.toString(), "--mode", "keyword", "--data", data.toString()).code());
        Path catalog = data.resolve("cache/eval/tiny/catalog.db");
        try (Database db = Database.open("jdbc:sqlite:" + catalog, "", "")) {
            db.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '001'"));
        }
        Cli.Run again = run("eval", dir.toString(), "--mode", "keyword", "--data", data.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0.6667"), again.out());
    }

    @Test
    void trainLearnsFromAnEvenSpreadOfAtMostTheTrainingQueriesAskedFor() throws IOException {
        Path dir = beirFolder();
        Files.write(dir.resolve("queries.jsonl"), List.of(
                "{\"_id\":\"t1\",\"text\":\"attention heads pruned\"}", "{\"_id\":\"t2\",\"text\":\"folding proteins\"}",
                "{\"_id\":\"t3\",\"text\":\"galaxies in simulations\"}", "{\"_id\":\"t4\",\"text\":\"transformer heads\"}",
                "{\"_id\":\"1\",\"text\":\"pruning attention heads\"}", "{\"_id\":\"2\",\"text\":\"protein structure prediction\"}",
                "{\"_id\":\"3\",\"text\":\"zebras\"}"));
        Files.write(dir.resolve("qrels/train.tsv"), List.of("query-id\tcorpus-id\tscore", "t1\t101\t1", "t2\t102\t1", "t3\t103\t1", "t4\t101\t1"));
        Path fusion = tmp.resolve("fusion.json");
        Cli.Run r = run("eval", dir.toString(), "--mode", "hybrid", "--train", "--train-queries", "2", "--fusion-out", fusion.toString(),
                "--data", tmp.resolve("data").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("learning from 2 of the 4 training queries"), r.err());
        assertTrue(r.err().contains("2 training queries; hand-built fusion on them"), r.err());
        String written = Files.readString(fusion);
        assertTrue(written.contains("\"semanticFloor\"") && written.contains("2 queries; 5-fold cv (folds grouped"), written);
        assertTrue(r.out().contains("learned tiny-train-"), "the fusion just learned is evaluated too: " + r.out());
        Cli.Run none = run("eval", dir.toString(), "--train", "--train-queries", "0", "--data", tmp.resolve("data").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--train-queries must be at least 1"), none.err());
    }

    @Test
    void aFolderThatIsNotBeirOrABadModeIsOneLine() throws IOException {
        Path dir = beirFolder();
        Files.delete(dir.resolve("qrels/test.tsv"));
        Cli.Run r = run("eval", dir.toString(), "--mode", "keyword", "--data", tmp.resolve("data").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a BEIR folder: qrels/test.tsv is missing"), r.err());
        Files.write(dir.resolve("qrels/test.tsv"), List.of("1\t101\t1"));
        r = run("eval", dir.toString(), "--train", "--data", tmp.resolve("data").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no qrels/train.tsv"), r.err());
        r = run("eval", dir.toString(), "--mode", "fuzzy", "--data", tmp.resolve("data").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--mode: expected keyword, semantic, hybrid or all"), r.err());
    }
}
