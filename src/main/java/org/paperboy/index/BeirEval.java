package org.paperboy.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relevance evaluation on a BEIR folder ({@code corpus.jsonl}, {@code queries.jsonl},
 * {@code qrels/test.tsv}): the corpus goes through the real catalog, embedding and index code into
 * an isolated data directory, kept so that a rerun reuses its vectors. Metrics as BEIR computes
 * them (pytrec_eval): nDCG@10 with linear gains, recall@100, MRR@10.
 */
public final class BeirEval implements AutoCloseable {

    public record Query(String id, String text) {}

    public record Metrics(double ndcg10, double recall100, double mrr10, int queries) {}

    /** Corpus documents carry no dates; one fixed listing day keeps them valid catalog rows. */
    static final LocalDate CORPUS_DAY = LocalDate.of(2000, 1, 1);
    static final int DEPTH = 100;
    public static final String TEST = "test";
    public static final String TRAIN = "train";
    private static final Logger LOG = LoggerFactory.getLogger(BeirEval.class);

    private final Path folder;
    private final Database db;
    private final PaperRepository papers;
    private final EmbeddingStore embeddings;
    private final Path workDir;

    public BeirEval(Path folder, Path workDir) {
        this.folder = folder;
        this.workDir = workDir;
        for (String f : List.of("corpus.jsonl", "queries.jsonl", "qrels/test.tsv")) {
            if (!Files.isRegularFile(folder.resolve(f))) throw new IllegalArgumentException(folder + " is not a BEIR folder: " + f + " is missing");
        }
        this.db = openCatalog(workDir);
        this.papers = new PaperRepository(db);
        this.embeddings = new EmbeddingStore(db);
    }

    /** The catalog is a cache: one that another build made is started afresh, not refused. */
    private static Database openCatalog(Path workDir) {
        String url = "jdbc:sqlite:" + workDir.resolve("catalog.db");
        try {
            return Database.open(url, "", "");
        } catch (StoreException e) {
            LOG.warn("eval cache {} cannot be used ({}); starting it afresh", workDir, e.getMessage());
            deleteCache(workDir);
            return Database.open(url, "", "");
        }
    }

    private static void deleteCache(Path workDir) {
        try (var entries = Files.list(workDir)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().matches("catalog\\.db.*|index-.*")).toList()) {
                try (var tree = Files.walk(p)) {
                    for (Path f : tree.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the eval cache " + workDir, e);
        }
    }

    public PaperRepository papers() {
        return papers;
    }

    public EmbeddingStore embeddings() {
        return embeddings;
    }

    /** Loads the corpus into the catalog (unchanged documents are skipped by hash); returns its size. */
    public int loadCorpus(LongConsumer progress) {
        ObjectMapper json = new ObjectMapper();
        List<Paper> batch = new ArrayList<>();
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(folder.resolve("corpus.jsonl"))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode d = json.readTree(line);
                batch.add(paper(d.path("_id").asText(), d.path("title").asText(""), d.path("text").asText("")));
                n++;
                if (batch.size() == 1000) {
                    papers.upsert(batch, CORPUS_DAY, (stored, incoming) -> incoming);
                    progress.accept(batch.size());
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        papers.upsert(batch, CORPUS_DAY, (stored, incoming) -> incoming);
        progress.accept(batch.size());
        return n;
    }

    private static Paper paper(String id, String title, String text) {
        // an empty title is not a valid paper; BEIR documents without one are searched by text alone
        String t = title.isBlank() ? "(untitled)" : title;
        return new Paper(new ArxivId(id, 1), t, List.of(), text, null, List.of(), null, null, null, null, null, null,
                List.of(), CORPUS_DAY, List.of(), 0, 0);
    }

    /** The index for one model ("" for keyword only), under the work directory. */
    public SearchIndex index(String model, boolean quantized) {
        return new SearchIndex(workDir.resolve("index-" + (model.isEmpty() ? "keyword" : model) + (quantized ? "-q" : "")), model, quantized);
    }

    public List<Query> queries() {
        return queries(TEST);
    }

    /** The queries judged in {@code qrels/<split>.tsv}. */
    public List<Query> queries(String split) {
        Map<String, List<String>> judged = qrels(split).keySet().stream().collect(Collectors.toMap(k -> k, k -> List.of()));
        ObjectMapper json = new ObjectMapper();
        List<Query> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(folder.resolve("queries.jsonl"))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode q = json.readTree(line);
                if (judged.containsKey(q.path("_id").asText())) out.add(new Query(q.path("_id").asText(), q.path("text").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** query id → (doc id → grade), of the test split */
    public Map<String, Map<String, Integer>> qrels() {
        return qrels(TEST);
    }

    public boolean hasSplit(String split) {
        return Files.isRegularFile(folder.resolve("qrels/" + split + ".tsv"));
    }

    /** query id → (doc id → grade), of {@code qrels/<split>.tsv} */
    public Map<String, Map<String, Integer>> qrels(String split) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(folder.resolve("qrels/" + split + ".tsv"))) {
                String[] f = line.split("\t");
                if (f.length < 3 || f[0].equals("query-id")) continue;
                out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Runs every query; returns query id → ranked doc ids with scores (best first). */
    public static Map<String, List<Fusion.Scored<String>>> run(PaperSearch search, PaperSearch.Mode mode, List<Query> queries) {
        Map<String, List<Fusion.Scored<String>>> runs = new LinkedHashMap<>();
        for (Query q : queries) {
            List<Fusion.Scored<String>> ranked = new ArrayList<>();
            try {
                var r = search.search(new PaperSearch.Request(ParsedQuery.text(q.text()), mode, PaperSearch.Order.RELEVANCE, 0, DEPTH, false));
                r.hits().forEach(h -> ranked.add(new Fusion.Scored<>(h.id(), h.score())));
            } catch (QueryException e) {
                // an all-stopword query finds nothing, as a person would see
            }
            runs.put(q.id(), ranked);
        }
        return runs;
    }

    public static Metrics score(Map<String, List<Fusion.Scored<String>>> runs, Map<String, Map<String, Integer>> qrels) {
        double ndcg = 0, recall = 0, mrr = 0;
        int n = 0;
        for (var e : qrels.entrySet()) {
            List<Fusion.Scored<String>> ranked = runs.getOrDefault(e.getKey(), List.of());
            Map<String, Integer> rel = e.getValue();
            ndcg += ndcg(ranked, rel, 10);
            recall += recall(ranked, rel, 100);
            mrr += mrr(ranked, rel, 10);
            n++;
        }
        return new Metrics(ndcg / n, recall / n, mrr / n, n);
    }

    static double ndcg(List<Fusion.Scored<String>> ranked, Map<String, Integer> rel, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) dcg += rel.getOrDefault(ranked.get(i).item(), 0) / log2(i + 2);
        List<Integer> ideal = rel.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) idcg += ideal.get(i) / log2(i + 2);
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double recall(List<Fusion.Scored<String>> ranked, Map<String, Integer> rel, int k) {
        long relevant = rel.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) return 0;
        long found = ranked.stream().limit(k).filter(s -> rel.getOrDefault(s.item(), 0) > 0).count();
        return (double) found / relevant;
    }

    static double mrr(List<Fusion.Scored<String>> ranked, Map<String, Integer> rel, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) if (rel.getOrDefault(ranked.get(i).item(), 0) > 0) return 1.0 / (i + 1);
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** TREC run format: {@code qid Q0 docid rank score tag}. */
    public static void writeRun(PrintWriter out, Map<String, List<Fusion.Scored<String>>> runs, String tag) {
        for (var e : runs.entrySet()) {
            int rank = 1;
            for (Fusion.Scored<String> s : e.getValue()) out.printf(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", e.getKey(), s.item(), rank++, s.score(), tag);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
