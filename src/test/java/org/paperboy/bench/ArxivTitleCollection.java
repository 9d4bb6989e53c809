package org.paperboy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.paperboy.paper.Paper;

/**
 * Writes a BEIR folder from the arXiv sample, a collection the fusion never saw: the first N papers'
 * abstracts (without their titles) are the corpus, and every K-th paper's title is a query whose one
 * relevant paper is its own. Known-item search by title, the most common search of a paper's reader,
 * in computer science rather than SciFact's biomedicine: a fusion that only fits SciFact shows it here.
 *
 * <p>Usage: {@code ArxivTitleCollection PAPERS.jsonl.gz OUT_DIR [N] [K]} (defaults 5,000 and 10).
 */
public final class ArxivTitleCollection {

    private ArxivTitleCollection() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ArxivTitleCollection PAPERS.jsonl.gz OUT_DIR [N] [K]");
            System.exit(2);
        }
        Path source = Path.of(args[0]), out = Path.of(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        if (!Files.isRegularFile(source)) throw new IllegalArgumentException(source + " is missing (the shared arXiv sample)");
        List<Paper> papers = ArxivDailyLoader.read(source, n);
        int queries = write(papers, out, every);
        System.err.printf("%s: %d abstracts, %d title queries%n", out, papers.size(), queries);
    }

    /** Writes corpus.jsonl, queries.jsonl and qrels/test.tsv; returns the number of queries. */
    static int write(List<Paper> papers, Path out, int every) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(out.resolve("qrels"));
        int queries = 0;
        try (PrintWriter corpus = new PrintWriter(Files.newBufferedWriter(out.resolve("corpus.jsonl")));
             PrintWriter query = new PrintWriter(Files.newBufferedWriter(out.resolve("queries.jsonl")));
             PrintWriter qrels = new PrintWriter(Files.newBufferedWriter(out.resolve("qrels/test.tsv")))) {
            qrels.println("query-id\tcorpus-id\tscore");
            for (int i = 0; i < papers.size(); i++) {
                Paper p = papers.get(i);
                String id = p.id().base();
                ObjectNode doc = json.createObjectNode().put("_id", id).put("title", "").put("text", p.abstractText().replaceAll("\\s+", " ").strip());
                corpus.println(json.writeValueAsString(doc));
                if (i % every != 0) continue;
                query.println(json.writeValueAsString(json.createObjectNode().put("_id", "t" + id).put("text", p.title().replaceAll("\\s+", " "))));
                qrels.println("t" + id + "\t" + id + "\t1");
                queries++;
            }
        }
        return queries;
    }
}
