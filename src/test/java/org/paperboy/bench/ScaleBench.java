package org.paperboy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.paperboy.App;
import org.paperboy.cli.ProgressBar;
import org.paperboy.config.Settings;
import org.paperboy.index.EmbeddingModel;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.index.OnnxEmbedder;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.QueryException;
import org.paperboy.index.QueryParser;
import org.paperboy.index.SearchIndex;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperChange;

/**
 * How search cost grows with the catalog: builds a Lucene index of N papers made from the real
 * arxiv-daily sample (each title and abstract joins the first half of one real paper to the second
 * half of another; each vector is a weighted sum of the two real vectors plus noise, renormalised),
 * then reports build time, index size, resident memory and in-process keyword / hybrid latency
 * (query embedding by the real model included).
 *
 * <pre>bench/search.sh scale --source /tmp/pb-bench --papers 1000000 --out /tmp/pb-scale</pre>
 *
 * The source data directory must hold the catalog and its vectors (bench/search.sh latency
 * --synthesize leaves one). Only papers with a vector are used as parents.
 */
public final class ScaleBench {

    private static final int BATCH = 5_000;
    private static final double SECOND_PARENT_WEIGHT = 0.35;
    private static final double NOISE = 0.02;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path source = Path.of(o.getOrDefault("source", "/tmp/pb-bench"));
        Path out = Path.of(o.getOrDefault("out", "/tmp/pb-scale"));
        int n = Integer.parseInt(o.getOrDefault("papers", "1000000"));
        int queries = Integer.parseInt(o.getOrDefault("queries", "300"));
        String model = EmbeddingModel.DEFAULT.id;

        List<Paper> parents = new ArrayList<>();
        Map<String, float[]> vectors = new HashMap<>();
        try (App app = new App(Settings.defaults().withDataDir(source))) {
            readParents(app, model, parents, vectors);
        }
        System.out.printf(Locale.ROOT, "parents: %,d real papers with vectors%n", parents.size());
        deleteTree(out);
        long t0 = System.nanoTime();
        try (SearchIndex index = new SearchIndex(out.resolve("index"), model, false)) {
            build(index, parents, vectors, n);
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            index.refresh();
            System.out.printf(Locale.ROOT, "index of %,d papers built in %.1f s (%,.0f papers/s); %.2f GiB on disk; RSS %s MiB, heap used %,d MiB%n",
                    index.size(), buildSeconds, n / buildSeconds, size(out.resolve("index")) / (double) (1L << 30), rssMiB(), heapMiB());
            try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModel.DEFAULT, out.resolve("cache"), 1)) {
                PaperSearch search = new PaperSearch(index, embedder);
                List<String> qs = queries(search, parents, queries);
                measure(search, qs.subList(0, Math.min(50, qs.size())), PaperSearch.Mode.HYBRID, "warm-up", false);
                for (PaperSearch.Mode m : PaperSearch.Mode.values()) measure(search, qs, m, m.name().toLowerCase(Locale.ROOT), true);
            }
            System.out.printf(Locale.ROOT, "after searching: RSS %s MiB, heap used %,d MiB%n", rssMiB(), heapMiB());
        }
    }

    private static void readParents(App app, String model, List<Paper> parents, Map<String, float[]> vectors) {
        EmbeddingStore store = new EmbeddingStore(app.db());
        long seq = 0;
        for (List<PaperChange> page; !(page = app.papers().changedSince(seq, 5_000)).isEmpty(); seq = page.get(page.size() - 1).seq()) {
            Map<String, float[]> found = store.vectors(model, page.stream().map(c -> c.paper().id().base()).toList());
            for (PaperChange c : page) {
                float[] v = found.get(c.paper().id().base());
                if (v == null) continue;
                parents.add(c.paper());
                vectors.put(c.paper().id().base(), v);
            }
        }
        if (parents.isEmpty()) throw new IllegalStateException("no papers with vectors in the source data directory");
    }

    private static void build(SearchIndex index, List<Paper> parents, Map<String, float[]> vectors, int n) {
        Random rnd = new Random(1);
        try (ProgressBar bar = new ProgressBar("index", n)) {
            for (int start = 0; start < n; start += BATCH) {
                List<Paper> batch = new ArrayList<>(BATCH);
                Map<String, float[]> batchVectors = new HashMap<>(BATCH * 2);
                for (int i = start; i < Math.min(n, start + BATCH); i++) {
                    Paper a = parents.get(rnd.nextInt(parents.size()));
                    Paper b = parents.get(rnd.nextInt(parents.size()));
                    Paper child = child(i, a, b);
                    batch.add(child);
                    batchVectors.put(child.id().base(), mix(vectors.get(a.id().base()), vectors.get(b.id().base()), rnd));
                }
                index.put(batch, batchVectors);
                bar.step(batch.size());
            }
        }
        index.commit(n, n);
    }

    /** A synthetic id per index (9001.00001 ...), outside arXiv's real range. */
    private static Paper child(int i, Paper a, Paper b) {
        ArxivId id = new ArxivId(String.format(Locale.ROOT, "%04d.%05d", 9001 + i / 99_999, i % 99_999 + 1), 1);
        return new Paper(id, halves(a.title(), b.title(), " "), a.authors(), halves(a.abstractText(), b.abstractText(), ". "),
                a.primaryCategory(), a.categories(), null, null, null, null, a.submitted(), null, List.of(), a.listingDate(),
                b.codeLinks(), 0, 0);
    }

    private static String halves(String first, String second, String separator) {
        String[] x = first.split(Pattern.quote(separator));
        String[] y = second.split(Pattern.quote(separator));
        List<String> parts = new ArrayList<>(Arrays.asList(x).subList(0, Math.max(1, x.length / 2)));
        parts.addAll(Arrays.asList(y).subList(y.length / 2, y.length));
        return String.join(separator, parts);
    }

    private static float[] mix(float[] a, float[] b, Random rnd) {
        float[] v = new float[a.length];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) ((1 - SECOND_PARENT_WEIGHT) * a[d] + SECOND_PARENT_WEIGHT * b[d] + rnd.nextGaussian() * NOISE);
            norm += v[d] * v[d];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) v[d] *= inv;
        return v;
    }

    /** 2 to 4 consecutive words of random real titles, leaving out those made of stopwords alone. */
    private static List<String> queries(PaperSearch search, List<Paper> parents, int n) {
        Random rnd = new Random(7);
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String[] words = parents.get(rnd.nextInt(parents.size())).title().replaceAll("[^\\p{L}\\p{N} -]", " ").trim().split("\\s+");
            if (words.length < 4) continue;
            int len = 2 + rnd.nextInt(3);
            int from = rnd.nextInt(words.length - len + 1);
            String q = String.join(" ", Arrays.asList(words).subList(from, from + len));
            try {
                search.search(new PaperSearch.Request(QueryParser.parse(q), PaperSearch.Mode.KEYWORD, PaperSearch.Order.RELEVANCE, 0, 1, false));
                out.add(q);
            } catch (QueryException e) {
                // "of the", "for a": the search box answers these with a message, not results
            }
        }
        return out;
    }

    private static void measure(PaperSearch search, List<String> queries, PaperSearch.Mode mode, String label, boolean print) {
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            search.search(new PaperSearch.Request(QueryParser.parse(queries.get(i)), mode, PaperSearch.Order.RELEVANCE, 0, 10, false));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        if (print) {
            System.out.printf(Locale.ROOT, "%-8s 1 client, %d queries, in-process  p50 %6.2f ms  p99 %6.2f ms%n", label, queries.size(),
                    nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6);
        }
    }

    private static String rssMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> String.format(Locale.ROOT, "%,d", Long.parseLong(l.replaceAll("\\D", "")) / 1024)).findFirst().orElse("?");
    }

    private static long heapMiB() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return m;
    }
}
