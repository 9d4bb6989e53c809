package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.recommend.Vocabulary;
import org.paperboy.store.Database;

class EvalRecsCommandTest {
    @TempDir
    Path tmp;

    private static String paper(String id, String title, String abstractText, String cat, String day) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"abstract\":\"" + abstractText + "\",\"authors\":[\"Same Author\"],"
                + "\"categories\":[\"" + cat + "\"],\"primary_category\":\"" + cat + "\",\"first_listing_date\":\"" + day + "\"}";
    }

    /**
     * Two readers with clear topics; each later paper is the only one of its day on its reader's
     * topic, so the right answer is every later paper at rank 1: nDCG@10 = MRR@10 = 1 over 3 events.
     */
    @Test
    void ranksEachReadersLaterPapersFirstAndWritesTrecLines() throws Exception {
        Path catalog = tmp.resolve("papers.jsonl");
        Files.write(catalog, List.of(
                paper("2505.00001", "Graph neural networks for molecules", "Graph neural networks predict molecular properties.", "cs.LG", "2025-05-01"),
                paper("2505.00002", "Message passing for molecular graphs", "Message passing graph networks on molecules and atoms.", "cs.LG", "2025-05-01"),
                paper("2505.00003", "Equivariant graph networks for chemistry", "Molecular graphs with equivariant message passing.", "cs.LG", "2025-05-01"),
                paper("2505.00004", "Speech recognition with transformers", "Transformer acoustic models for speech recognition.", "cs.CL", "2025-05-01"),
                paper("2505.00005", "Streaming speech recognition", "Low latency speech recognition and acoustic models.", "cs.CL", "2025-05-01"),
                paper("2505.00006", "Self-supervised speech representations", "Speech representations help speech recognition.", "cs.CL", "2025-05-01"),
                paper("2505.00007", "Auction design", "Optimal auctions, bidders and revenue.", "econ.TH", "2025-05-01"),
                paper("2505.00008", "Matching markets", "Stable matching of bidders and goods.", "econ.TH", "2025-05-01"),
                paper("2602.00001", "Graph networks for molecular dynamics", "Graph neural networks simulate molecules.", "cs.LG", "2026-02-02"),
                paper("2602.00002", "Multilingual speech recognition", "Speech recognition across languages with acoustic models.", "cs.CL", "2026-02-02"),
                paper("2602.00003", "Revenue in auctions", "Bidders and revenue of auctions.", "econ.TH", "2026-02-02"),
                paper("2602.00004", "Molecular property prediction with graphs", "Message passing networks on molecular graphs.", "cs.LG", "2026-02-03"),
                paper("2602.00005", "Auctions with budgets", "Budget constrained bidders.", "econ.TH", "2026-02-03")));
        Path users = tmp.resolve("users.jsonl");
        Files.write(users, List.of(
                "{\"user\":\"r1\",\"likes\":[\"2505.00001\",\"2505.00002\",\"2505.00003\"],\"later\":[\"2602.00001\",\"2602.00004\"]}",
                "not json",
                "{\"user\":\"r2\",\"likes\":[\"2505.00004\",\"2505.00005\",\"2505.00006\"],\"later\":[\"2602.00002\"]}"));
        Path run = tmp.resolve("run.txt");
        Cli.Run r = Cli.run("", "eval-recs", users.toString(), "--catalog", catalog.toString(), "--run-file", run.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("users.jsonl:2: skipped"), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("model")).findFirst().orElseThrow();
        assertEquals(List.of("model", "1.0000", "1.0000", "3", "2"), List.of(line.trim().split("\\s+")), r.out());
        List<String> lines = Files.readAllLines(run);
        assertEquals(3 + 3 + 2, lines.size(), "every paper of each event's day, ranked");
        assertTrue(lines.get(0).matches("r1:2026-02-02 Q0 2602\\.00001 1 -?\\d+\\.\\d{6} paperboy-model"), lines.get(0));
        assertTrue(lines.contains(lines.stream().filter(l -> l.startsWith("r2:2026-02-02 Q0 2602.00002 1 ")).findFirst().orElse("missing")));
    }

    private static float[] axis(int i) {
        float[] v = new float[Vocabulary.VECTOR_WIDTH];
        v[i] = 1;
        return v;
    }

    /**
     * Every paper has the same words; only the stored embeddings say which are the reader's. Without
     * them the tie goes by id and the later paper ranks second (nDCG 1/log2 3); with them, first.
     */
    @Test
    void embeddingsFromTheDataDirectoryJoinTheFeatures() throws Exception {
        List<String> lines = new ArrayList<>();
        String[] ids = {"2505.00001", "2505.00002", "2505.00003", "2505.00004", "2505.00005", "2505.00006", "2602.00001", "2602.00002"};
        for (String id : ids) lines.add(paper(id, "Networks for data", "Models and networks for data.", "cs.LG", id.startsWith("2505") ? "2025-05-01" : "2026-02-02"));
        Path catalog = tmp.resolve("papers.jsonl");
        Files.write(catalog, lines);
        Path users = tmp.resolve("users.jsonl");
        Files.writeString(users, "{\"user\":\"r1\",\"likes\":[\"2505.00001\",\"2505.00002\",\"2505.00003\"],\"later\":[\"2602.00002\"]}\n");
        Path data = tmp.resolve("data");
        assertEquals(0, Cli.run("", "import", catalog.toString(), "--data", data.toString(), "--no-index").code());
        try (Database db = Database.open("jdbc:sqlite:" + data.resolve("paperboy.db"), "", "")) {
            List<EmbeddingStore.Computed> vectors = new ArrayList<>();
            for (String id : ids) vectors.add(new EmbeddingStore.Computed(id, "h", axis(Set.of("2505.00001", "2505.00002", "2505.00003", "2602.00002").contains(id) ? 0 : 1)));
            new EmbeddingStore(db).save("bge-small-en-v1.5-q", vectors);
        }
        Cli.Run without = Cli.run("", "eval-recs", users.toString(), "--catalog", catalog.toString(), "--threads", "1");
        assertEquals(0, without.code(), without.err());
        assertTrue(without.out().lines().anyMatch(l -> l.trim().startsWith("model") && l.contains("0.6309")), without.out());
        Cli.Run with = Cli.run("", "eval-recs", users.toString(), "--catalog", catalog.toString(), "--threads", "1", "--embeddings", "--data", data.toString());
        assertEquals(0, with.code(), with.err());
        assertTrue(with.err().contains("8 of 8 papers have a stored bge-small-en-v1.5-q embedding"), with.err());
        assertTrue(with.out().lines().anyMatch(l -> l.trim().startsWith("model") && l.contains("1.0000")), with.out());
    }

    @Test
    void aMissingCatalogIsAClearError() throws Exception {
        Path users = tmp.resolve("users.jsonl");
        Files.writeString(users, "{\"user\":\"r1\",\"likes\":[\"1\"],\"later\":[\"2\"]}\n");
        Cli.Run r = Cli.run("", "eval-recs", users.toString(), "--catalog", tmp.resolve("nope.jsonl").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nope.jsonl"), r.err());
    }
}
