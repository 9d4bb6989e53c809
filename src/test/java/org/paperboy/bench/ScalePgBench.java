package org.paperboy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.paperboy.cli.ProgressBar;
import org.paperboy.index.Embedder;
import org.paperboy.index.EmbeddingModel;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.index.OnnxEmbedder;
import org.paperboy.store.Database;

/**
 * The catalog at full arXiv scale on PostgreSQL (issue 13), in three steps that bench/scale-pg.sh
 * runs around the product's own import, reindex and serve:
 *
 * <pre>
 * catalog --sample FILE --papers N --out FILE.jsonl.gz     the sample's papers, then synthetic ones up to N
 * vectors --sample FILE --embed 2000                       vectors for every paper in $PAPERBOY_DB
 * measure --base URL --day YYYY-MM-DD --sample FILE        day page and search latency over HTTP
 * </pre>
 *
 * Synthetic papers follow the sample's distribution: each joins the first half of one real paper's
 * title and abstract to the second half of another's and takes the first one's authors and
 * categories (so categories, lengths and author counts are the sample's), and gets an arXiv id and
 * listing date of a month before the sample, month volumes shaped like arXiv's growth from 2007 on.
 * Both parents are chosen from the id's hash, so the vectors step finds them again without a file:
 * the child's vector is 0.65 x the first parent's + 0.35 x the second's + noise, renormalised, as
 * {@link ScaleBench} makes them. Real papers get a real vector (the first {@code --embed} of them,
 * evenly spread) or a copy of a real one plus noise, as {@link SearchBench --synthesize} does.
 */
public final class ScalePgBench {

    private static final long SEED = 20_261_207L;
    private static final double SECOND_PARENT_WEIGHT = 0.35;
    private static final double CHILD_NOISE = 0.02;
    private static final double COPY_NOISE = 0.03;
    private static final int PAGE = 2_000;
    /** arXiv's new submissions per month by year (rounded public statistics), the shape synthetic months follow. */
    private static final Map<Integer, Integer> MONTHLY = Map.ofEntries(Map.entry(2007, 4_500), Map.entry(2008, 4_900),
            Map.entry(2009, 5_300), Map.entry(2010, 5_900), Map.entry(2011, 6_400), Map.entry(2012, 7_000), Map.entry(2013, 7_600),
            Map.entry(2014, 8_100), Map.entry(2015, 8_800), Map.entry(2016, 9_500), Map.entry(2017, 10_300), Map.entry(2018, 11_700),
            Map.entry(2019, 13_000), Map.entry(2020, 14_900), Map.entry(2021, 15_000), Map.entry(2022, 15_500), Map.entry(2023, 20_700),
            Map.entry(2024, 24_000), Map.entry(2025, 24_000));
    /** The first month of arXiv's YYMM.NNNN ids; before 2015 a month holds at most 9,999 of them. */
    private static final YearMonth FIRST_NEW_STYLE = YearMonth.of(2007, 4);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        switch (args.length == 0 ? "" : args[0]) {
            case "catalog" -> catalog(Path.of(o.get("sample")), Integer.parseInt(o.get("papers")), Path.of(o.get("out")));
            case "vectors" -> vectors(Path.of(o.get("sample")), Integer.parseInt(o.getOrDefault("embed", "2000")), Path.of(o.get("cache")));
            case "measure" -> {
                serverPid = Long.parseLong(o.getOrDefault("pid", "0"));
                measure(o.get("base"), List.of(o.get("days").split(",")), Path.of(o.get("sample")), Integer.parseInt(o.getOrDefault("queries", "300")),
                        Integer.parseInt(o.getOrDefault("clients", "4")), Integer.parseInt(o.getOrDefault("seconds", "15")));
            }
            default -> throw new IllegalArgumentException("usage: ScalePgBench catalog|vectors|measure [options]");
        }
    }

    // ---- catalog ----------------------------------------------------------------------------------

    static void catalog(Path sampleFile, int n, Path out) throws IOException {
        List<ObjectNode> sample = readSample(sampleFile);
        YearMonth before = YearMonth.from(sample.stream().map(s -> LocalDate.parse(s.path("first_listing_date").asText())).min(LocalDate::compareTo).orElseThrow());
        List<Month> months = schedule(before.minusMonths(1), Math.max(0, n - sample.size()));
        long written = 0;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), StandardCharsets.UTF_8), 1 << 20);
             ProgressBar bar = new ProgressBar("synthesise", n)) {
            for (ObjectNode s : sample) {
                if (written == n) break;
                w.write(JSON.writeValueAsString(s));
                w.write('\n');
                bar.step(1);
                written++;
            }
            Set<String> real = new HashSet<>();
            for (ObjectNode s : sample) real.add(s.path("id").asText());
            for (Month m : months) {
                List<LocalDate> weekdays = weekdays(m.month());
                int seq = 0;
                for (int k = 0; k < m.papers(); k++) {
                    // the sample holds some papers of earlier months (listed late, cross-lists): their ids stay theirs
                    String id;
                    do id = m.id(++seq); while (real.contains(id));
                    w.write(JSON.writeValueAsString(child(id, weekdays.get((int) ((long) k * weekdays.size() / m.papers())), sample)));
                    w.write('\n');
                    bar.step(1);
                    written++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "catalog: %,d papers (%,d real, %,d synthetic in %d months, %s to %s) -> %s%n", written,
                Math.min(n, sample.size()), written - Math.min(n, sample.size()), months.size(),
                months.isEmpty() ? "-" : months.get(months.size() - 1).month(), months.isEmpty() ? "-" : months.get(0).month(), out);
    }

    record Month(YearMonth month, int papers) {
        String id(int seq) {
            String yymm = String.format(Locale.ROOT, "%02d%02d", month.getYear() % 100, month.getMonthValue());
            return month.getYear() >= 2015 ? String.format(Locale.ROOT, "%s.%05d", yymm, seq) : String.format(Locale.ROOT, "%s.%04d", yymm, seq);
        }
    }

    /**
     * Months from {@code newest} backwards, each with arXiv's volume of its year, until {@code papers}
     * are placed; scaled up evenly when arXiv's new-style history holds fewer.
     */
    static List<Month> schedule(YearMonth newest, long papers) {
        if (capacity(newest, 1e6) < papers) throw new IllegalArgumentException(papers + " synthetic papers do not fit arXiv's id scheme");
        // grown until the rounded, capped months hold them all (a scale of papers / capacity fell a few short)
        double scale = 1;
        while (capacity(newest, scale) < papers) scale *= 1.01;
        List<Month> out = new ArrayList<>();
        long left = papers;
        for (YearMonth m = newest; left > 0; m = m.minusMonths(1)) {
            int v = (int) Math.min(left, volume(m, scale));
            out.add(new Month(m, v));
            left -= v;
        }
        return out;
    }

    private static long capacity(YearMonth newest, double scale) {
        long total = 0;
        for (YearMonth m = newest; !m.isBefore(FIRST_NEW_STYLE); m = m.minusMonths(1)) total += volume(m, scale);
        return total;
    }

    /** arXiv's monthly volume of m's year, scaled, at most what m's id scheme can number. */
    private static int volume(YearMonth m, double scale) {
        long v = Math.round(MONTHLY.getOrDefault(m.getYear(), MONTHLY.get(2025)) * scale);
        return (int) Math.min(v, m.getYear() < 2015 ? 9_999 : 99_999);
    }

    private static List<LocalDate> weekdays(YearMonth m) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) days.add(d);
        }
        return days;
    }

    private static ObjectNode child(String id, LocalDate day, List<ObjectNode> sample) {
        int[] p = parents(id, sample.size());
        ObjectNode a = sample.get(p[0]);
        ObjectNode b = sample.get(p[1]);
        ObjectNode c = a.deepCopy();
        c.put("id", id);
        c.put("title", halves(a.path("title").asText(), b.path("title").asText(), " "));
        c.put("abstract", halves(a.path("abstract").asText(), b.path("abstract").asText(), ". "));
        c.set("comment", b.get("comment"));
        c.put("first_listing_date", day.toString());
        c.putArray("listing_dates").add(day.toString());
        c.put("abs_url", "https://arxiv.org/abs/" + id);
        c.put("pdf_url", "https://arxiv.org/pdf/" + id);
        return c;
    }

    /** The two sample papers a synthetic one is made of, from its id alone. */
    static int[] parents(String id, int sampleSize) {
        Random r = new Random(SEED ^ (id.hashCode() * 0x9E3779B97F4A7C15L));
        return new int[] {r.nextInt(sampleSize), r.nextInt(sampleSize)};
    }

    private static String halves(String first, String second, String separator) {
        String[] x = first.split(Pattern.quote(separator));
        String[] y = second.split(Pattern.quote(separator));
        List<String> parts = new ArrayList<>(Arrays.asList(x).subList(0, Math.max(1, x.length / 2)));
        parts.addAll(Arrays.asList(y).subList(y.length / 2, y.length));
        return String.join(separator, parts);
    }

    private static List<ObjectNode> readSample(Path file) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode d = JSON.readTree(line);
                if (d instanceof ObjectNode node && !node.path("title").asText("").isBlank() && ids.add(node.path("id").asText())) out.add(node);
            }
        }
        if (out.isEmpty()) throw new IllegalStateException(file + " holds no papers");
        return out;
    }

    // ---- vectors ----------------------------------------------------------------------------------

    /** Vectors for every paper of the catalog in $PAPERBOY_DB, saved through the product's EmbeddingStore. */
    static void vectors(Path sampleFile, int embed, Path cache) throws Exception {
        List<ObjectNode> sample = readSample(sampleFile);
        Map<String, Integer> sampleIndex = new HashMap<>();
        for (int i = 0; i < sample.size(); i++) sampleIndex.put(sample.get(i).path("id").asText(), i);
        String model = env("PAPERBOY_EMBEDDING_MODEL", EmbeddingModel.DEFAULT.id);
        EmbeddingModel em = EmbeddingModel.byId(model).orElseThrow(() -> new IllegalArgumentException("unknown model " + model));
        try (Database db = Database.open(env("PAPERBOY_DB", ""), env("PAPERBOY_DB_USER", ""), env("PAPERBOY_DB_PASSWORD", ""));
             OnnxEmbedder embedder = new OnnxEmbedder(em, cache, 2)) {
            EmbeddingStore store = new EmbeddingStore(db);
            float[][] real = realVectors(store, model, embedder, sampleIndex, sample.size(), embed);
            long t0 = System.nanoTime();
            long n = 0;
            Random noise = new Random(SEED);
            long seq = 0;
            try (ProgressBar bar = new ProgressBar("vectors", 0)) {
                for (List<EmbeddingStore.Pending> page; !(page = store.pendingSince(model, seq, PAGE)).isEmpty(); seq = page.get(page.size() - 1).changeSeq()) {
                    List<EmbeddingStore.Computed> batch = new ArrayList<>(page.size());
                    for (EmbeddingStore.Pending p : page) {
                        if (!p.needed()) continue;
                        Integer own = sampleIndex.get(p.arxivId());
                        float[] v = own != null ? real[own] : mix(real, parents(p.arxivId(), sample.size()), noise);
                        batch.add(new EmbeddingStore.Computed(p.arxivId(), EmbeddingStore.textHash(p.text()), v));
                    }
                    store.save(model, batch);
                    n += batch.size();
                    bar.step(page.size());
                }
            }
            // what the background backfill leaves when it is done, so that serve does not walk the whole catalog again
            store.saveBackfillCursor(model, seq);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "vectors: %,d saved in %.1f s (%,.0f/s), load average %s%n", n, s, n / s, loadAverage());
        }
    }

    /** One vector per sample paper: {@code embed} of them computed by the model, the others copies of those plus noise. */
    private static float[][] realVectors(EmbeddingStore store, String model, Embedder embedder, Map<String, Integer> sampleIndex, int size, int embed) {
        float[][] v = new float[size][];
        int step = Math.max(1, size / Math.max(1, embed));
        Map<String, String> texts = new HashMap<>();
        long seq = 0;
        for (List<EmbeddingStore.Pending> page; texts.size() < sampleIndex.size() && !(page = store.pendingSince(model, seq, PAGE)).isEmpty();
             seq = page.get(page.size() - 1).changeSeq()) {
            int before = texts.size();
            for (EmbeddingStore.Pending p : page) {
                if (sampleIndex.containsKey(p.arxivId())) texts.put(p.arxivId(), p.text());
            }
            // the import wrote the sample first: a page without any of it means the synthetic papers began
            if (before > 0 && texts.size() == before) break;
        }
        List<Integer> embedded = new ArrayList<>();
        long t0 = System.nanoTime();
        try (ProgressBar bar = new ProgressBar("embed", Math.min(embed, size))) {
            for (Map.Entry<String, Integer> e : sampleIndex.entrySet()) {
                int i = e.getValue();
                if (i % step != 0 || embedded.size() >= embed || !texts.containsKey(e.getKey())) continue;
                v[i] = embedder.embedDocument(texts.get(e.getKey()));
                embedded.add(i);
                bar.step(1);
            }
        }
        if (embedded.isEmpty()) throw new IllegalStateException("no sample paper found in the database to embed");
        System.out.printf(Locale.ROOT, "embedded %,d real papers in %.1f s; the other %,d sample papers get copies of them plus noise%n",
                embedded.size(), (System.nanoTime() - t0) / 1e9, size - embedded.size());
        Random rnd = new Random(SEED + 1);
        for (int i = 0; i < size; i++) {
            if (v[i] != null) continue;
            float[] c = v[embedded.get(rnd.nextInt(embedded.size()))].clone();
            for (int d = 0; d < c.length; d++) c[d] += (float) (rnd.nextGaussian() * COPY_NOISE);
            v[i] = SearchBench.normalize(c);
        }
        return v;
    }

    private static float[] mix(float[][] real, int[] parents, Random rnd) {
        float[] a = real[parents[0]];
        float[] b = real[parents[1]];
        float[] v = new float[a.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) ((1 - SECOND_PARENT_WEIGHT) * a[d] + SECOND_PARENT_WEIGHT * b[d] + rnd.nextGaussian() * CHILD_NOISE);
        }
        return SearchBench.normalize(v);
    }

    // ---- measure ----------------------------------------------------------------------------------

    /** The serve process, whose CPU time per request is reported beside the wall times (0: not reported). */
    private static long serverPid;

    /**
     * Day pages and hybrid / keyword / semantic search over HTTP against a running serve, one client
     * then several. {@code days} are the busiest days, busiest first: it is measured at length (a
     * listing is cached until the catalog changes), the others once each, as uncached pages.
     */
    static void measure(String base, List<String> days, Path sampleFile, int queries, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String day = days.get(0);
        String dayUrl = base + "/papers?date=" + day;
        long t0 = System.nanoTime();
        HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(URI.create(dayUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        expectOk(first, dayUrl);
        int listed = count(new String(first.body(), StandardCharsets.UTF_8), "<article class=\"card\"");
        System.out.printf(Locale.ROOT, "day page %s: first (uncached) request %.1f ms, %,d bytes, %,d paper blocks; load average %s%n",
                day, (System.nanoTime() - t0) / 1e6, first.body().length, listed, loadAverage());
        List<String> dayUrls = new ArrayList<>();
        for (int i = 0; i < 500; i++) dayUrls.add(dayUrl);
        report("day page", "1 client", sequential(http, dayUrls));
        report("day page", clients + " clients " + seconds + " s", concurrent(dayUrls, clients, seconds));
        if (days.size() > 1) {
            List<String> others = days.subList(1, days.size()).stream().map(d -> base + "/papers?date=" + d).toList();
            report("day page", others.size() + " other busy days, uncached", sequential(http, others));
        }

        List<String> qs = queries(sampleFile, queries);
        for (String mode : List.of("hybrid", "keyword", "semantic")) {
            List<String> urls = qs.stream().map(q -> base + "/api/papers/search?limit=10&mode=" + mode + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toList();
            if (mode.equals("hybrid")) sequential(http, urls.subList(0, Math.min(50, urls.size())));
            report(mode + " search", "1 client, " + urls.size() + " distinct queries", sequential(http, urls));
            if (mode.equals("hybrid")) report(mode + " search", clients + " clients " + seconds + " s", concurrent(urls, clients, seconds));
        }
    }

    private static void expectOk(HttpResponse<?> r, String url) {
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    /** Wall time of each request, and the server's CPU time over the whole run (-1 when unknown). */
    record Run(long[] nanos, double seconds, double serverCpuSeconds) {}

    private static Run sequential(HttpClient http, List<String> urls) throws Exception {
        long[] nanos = new long[urls.size()];
        double cpu0 = serverCpu();
        long start = System.nanoTime();
        for (int i = 0; i < urls.size(); i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(urls.get(i))).build(), HttpResponse.BodyHandlers.ofByteArray());
            expectOk(r, urls.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        return new Run(nanos, (System.nanoTime() - start) / 1e9, cpu0 < 0 ? -1 : serverCpu() - cpu0);
    }

    private static Run concurrent(List<String> urls, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong next = new AtomicLong();
        List<long[]> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        double cpu0 = serverCpu();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[1 << 20];
            all.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int k = 1;
                try {
                    while (System.nanoTime() < end && k < mine.length) {
                        String url = urls.get((int) (next.getAndIncrement() % urls.size()));
                        long t = System.nanoTime();
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                        expectOk(r, url);
                        mine[k++] = System.nanoTime() - t;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                mine[0] = k - 1;
            }));
        }
        for (Thread t : threads) t.join();
        double s = (System.nanoTime() - start) / 1e9;
        long[] nanos = all.stream().flatMapToLong(m -> Arrays.stream(m, 1, 1 + (int) m[0])).toArray();
        return new Run(nanos, s, cpu0 < 0 ? -1 : serverCpu() - cpu0);
    }

    private static void report(String what, String how, Run r) {
        long[] n = r.nanos().clone();
        Arrays.sort(n);
        if (n.length == 0) throw new IllegalStateException(what + ": no request completed");
        String cpu = r.serverCpuSeconds() < 0 ? "" : String.format(Locale.ROOT, "  server CPU %.2f ms/request", r.serverCpuSeconds() * 1e3 / n.length);
        System.out.printf(Locale.ROOT, "%-16s %-32s %,6d requests  %,8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%s; load average %s%n",
                what, how, n.length, n.length / r.seconds(), n[n.length / 2] / 1e6, n[(int) Math.ceil(n.length * 0.99) - 1] / 1e6,
                n[n.length - 1] / 1e6, cpu, loadAverage());
    }

    /** 2 to 4 consecutive words of random real titles, all distinct (as SearchBench and ScaleBench ask). */
    private static List<String> queries(Path sampleFile, int n) throws IOException {
        List<ObjectNode> sample = readSample(sampleFile);
        Random rnd = new Random(7);
        Set<String> out = new LinkedHashSet<>();
        Set<String> stop = Set.of("a", "an", "the", "of", "for", "in", "on", "and", "to", "with", "via", "from", "by", "is", "at", "as");
        while (out.size() < n) {
            String[] words = sample.get(rnd.nextInt(sample.size())).path("title").asText().replaceAll("[^\\p{L}\\p{N} -]", " ").trim().split("\\s+");
            if (words.length < 4) continue;
            int len = 2 + rnd.nextInt(3);
            int from = rnd.nextInt(words.length - len + 1);
            List<String> q = Arrays.asList(words).subList(from, from + len);
            if (q.stream().allMatch(w -> stop.contains(w.toLowerCase(Locale.ROOT)))) continue;
            out.add(String.join(" ", q));
        }
        return new ArrayList<>(out);
    }

    /**
     * CPU seconds the server used so far (all its threads; the follower's polls and the jobs are in it
     * too, a small share): unlike wall time it hardly grows when other processes share the cores.
     */
    private static double serverCpu() {
        if (serverPid <= 0) return -1;
        try {
            String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Linux's USER_HZ, 100 on every architecture Java runs on. */
    private static final int CLOCK_TICKS = 100;

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return m;
    }
}
