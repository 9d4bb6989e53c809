package org.paperboy.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.paperboy.App;
import org.paperboy.cli.ProgressBar;
import org.paperboy.config.Settings;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.index.IndexFollower;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.QueryParser;
import org.paperboy.paper.Paper;
import org.paperboy.store.Listing;

/**
 * Search latency and throughput through {@code GET /api/papers/search} on the arxiv-daily catalog:
 * keyword, semantic and hybrid p50/p99 with one client (query embedding included), then hybrid
 * queries per second with several clients. Queries are words from real titles, all distinct.
 *
 * <pre>bench/search.sh latency --data /tmp/pb-bench [--papers 74728] [--load-only] [--synthesize] [--queries 500] [--clients 4] [--seconds 20]</pre>
 *
 * {@code --synthesize} fills the vectors of papers not yet embedded with copies of real vectors
 * plus noise (so the HNSW graph has the full catalog's size) and says how many are synthetic. They
 * carry their text's hash, so a bench catalog's synthetic vectors are never replaced: use a
 * throwaway data directory.
 */
public final class SearchBench {

    record Options(Path data, Path file, int papers, boolean synthesize, int queries, int clients, int seconds, boolean loadOnly) {}

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Settings settings = Settings.defaults().withDataDir(o.data()).withPort(0);
        try (App app = new App(settings)) {
            load(app, o);
            if (o.loadOnly()) return;
            long missing = app.search().waitingForEmbeddings();
            long synthetic = o.synthesize() && missing > 0 ? synthesize(app, missing) : 0;
            IndexFollower follower = app.search().follower();
            long t0 = System.nanoTime();
            try (ProgressBar bar = new ProgressBar("index", follower.behind())) {
                follower.catchUp(bar::step);
            }
            app.search().index().optimize();
            System.out.printf(Locale.ROOT, "catalog %,d papers; vectors: %,d computed earlier, %,d synthesized now; index ready in %.1f s%n",
                    app.papers().count(), app.papers().count() - missing, synthetic, (System.nanoTime() - t0) / 1e9);
            app.startServer();
            List<String> queries = queries(app, o.queries());
            String base = "http://127.0.0.1:" + app.port() + "/api/papers/search?limit=10&q=";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            sequential(http, base, queries.subList(0, Math.min(100, queries.size())), "hybrid", false);
            for (String mode : List.of("keyword", "semantic", "hybrid")) sequential(http, base, queries, mode, true);
            concurrent(base, queries, o.clients(), o.seconds());
            for (String mode : List.of("keyword", "semantic", "hybrid")) cpuPerQuery(app, queries, mode);
        }
    }

    /**
     * CPU time of the calling thread per search (index + query embedding + papers from the
     * database), in-process: unlike wall time it hardly grows when other processes share the cores.
     */
    private static void cpuPerQuery(App app, List<String> queries, String mode) {
        var threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = threads.getCurrentThreadCpuTime();
            var r = app.search().search().search(new PaperSearch.Request(QueryParser.parse(queries.get(i)),
                    PaperSearch.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), PaperSearch.Order.RELEVANCE, 0, 10, false));
            app.papers().findMany(r.hits().stream().map(PaperSearch.Hit::id).toList());
            cpu[i] = threads.getCurrentThreadCpuTime() - t;
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-8s CPU per query (in-process, no HTTP)  p50 %6.2f ms  p99 %6.2f ms%n", mode, pct(cpu, 50), pct(cpu, 99));
    }

    private static void load(App app, Options o) throws Exception {
        long have = app.papers().count();
        if (have >= o.papers()) return;
        if (!Files.isRegularFile(o.file())) throw new IllegalArgumentException(o.file() + " not found (../shared/data/arxiv-daily)");
        try (ProgressBar bar = new ProgressBar("load", o.papers())) {
            ArxivDailyLoader.load(o.file(), app.papers(), o.papers(), bar::step);
        }
    }

    /** Vectors for papers that have none: a random real vector plus Gaussian noise, renormalised. */
    private static long synthesize(App app, long missing) {
        EmbeddingStore store = new EmbeddingStore(app.db());
        String model = app.settings().embeddingModel();
        Random rnd = new Random(42);
        List<float[]> real = new ArrayList<>();
        List<EmbeddingStore.Pending> todo = new ArrayList<>();
        long seq = 0;
        for (List<EmbeddingStore.Pending> page; !(page = store.pendingSince(model, seq, 5000)).isEmpty(); seq = page.get(page.size() - 1).changeSeq()) {
            for (var p : page) if (p.needed()) todo.add(p);
            List<String> done = page.stream().filter(p -> !p.needed()).map(EmbeddingStore.Pending::arxivId).limit(200).toList();
            if (real.size() < 5000) real.addAll(store.vectors(model, done).values());
        }
        if (real.isEmpty()) throw new IllegalStateException("no real vectors to derive from: run `paperboy embed` on part of the catalog first");
        long n = 0;
        try (ProgressBar bar = new ProgressBar("synthesize", todo.size())) {
            for (int i = 0; i < todo.size(); i += 1000) {
                List<EmbeddingStore.Computed> batch = new ArrayList<>();
                for (var p : todo.subList(i, Math.min(todo.size(), i + 1000))) {
                    float[] v = real.get(rnd.nextInt(real.size())).clone();
                    for (int d = 0; d < v.length; d++) v[d] += (float) (rnd.nextGaussian() * 0.03);
                    // the text's own hash, so that serve's backfill does not re-embed them during the measurement
                    batch.add(new EmbeddingStore.Computed(p.arxivId(), EmbeddingStore.textHash(p.text()), normalize(v)));
                }
                store.save(model, batch);
                n += batch.size();
                bar.step(batch.size());
            }
        }
        return n;
    }

    static float[] normalize(float[] v) {
        double s = 0;
        for (float x : v) s += x * x;
        float inv = (float) (1 / Math.sqrt(s));
        for (int i = 0; i < v.length; i++) v[i] *= inv;
        return v;
    }

    /** 2 to 4 consecutive words of random real titles, all distinct. */
    private static List<String> queries(App app, int n) {
        Random rnd = new Random(7);
        List<String> out = new ArrayList<>();
        var days = app.papers().latestDay().orElseThrow();
        List<Paper> pool = new ArrayList<>();
        for (int back = 0; pool.size() < n * 3 && back < 400; back += 7) {
            pool.addAll(app.papers().listing(Listing.day(days.minusDays(back))));
        }
        Collections.shuffle(pool, rnd);
        for (Paper p : pool) {
            String[] w = Arrays.stream(p.title().split("[^A-Za-z0-9-]+")).filter(x -> x.length() > 3).toArray(String[]::new);
            if (w.length < 2) continue;
            int len = Math.min(w.length, 2 + rnd.nextInt(3));
            int start = rnd.nextInt(w.length - len + 1);
            String q = String.join(" ", Arrays.copyOfRange(w, start, start + len)).toLowerCase(Locale.ROOT);
            if (!out.contains(q)) out.add(q);
            if (out.size() == n) break;
        }
        return out;
    }

    private static void sequential(HttpClient http, String base, List<String> queries, String mode, boolean report) throws Exception {
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(request(base, queries.get(i), mode), HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        if (!report) return;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-8s 1 client  %4d queries  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms%n", mode, nanos.length,
                pct(nanos, 50), pct(nanos, 90), pct(nanos, 99));
    }

    private static void concurrent(String base, List<String> queries, int clients, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c * 37;
            threads.add(Thread.ofPlatform().start(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = offset; System.nanoTime() < end; i++) {
                    long t = System.nanoTime();
                    try {
                        http.send(request(base, queries.get(i % queries.size()), "hybrid"), HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    lat.add(System.nanoTime() - t);
                    done.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) t.join();
        long[] nanos = lat.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "hybrid   %d clients %6d queries in %d s: %7.1f q/s  p50 %6.2f ms  p99 %6.2f ms%n", clients, done.get(), seconds,
                done.get() / (double) seconds, pct(nanos, 50), pct(nanos, 99));
    }

    private static HttpRequest request(String base, String q, String mode) {
        return HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&mode=" + mode)).build();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static Options parse(String[] args) {
        Path data = Path.of("/tmp/pb-bench");
        Path file = Path.of("../shared/data/arxiv-daily/papers.jsonl.gz");
        int papers = 74_728, queries = 500, clients = 4, seconds = 20;
        boolean synth = false, loadOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                case "--papers" -> papers = Integer.parseInt(args[++i]);
                case "--synthesize" -> synth = true;
                case "--load-only" -> loadOnly = true;
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the class comment");
            }
        }
        return new Options(data, file, papers, synth, queries, clients, seconds, loadOnly);
    }
}
