package org.paperboy.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.paperboy.App;
import org.paperboy.community.bench.CommunityBench;
import org.paperboy.config.Settings;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;

/**
 * Requests per second and latency through HAProxy (deploy/haproxy.cfg's checks) for the day
 * page, keyword search and votes, with one {@code serve} node and then with three, all on one
 * embedded PostgreSQL, every process on this machine. Rate limits are off (a benchmark would hit
 * them); votes go through the API with personal tokens, each client toggling its own votes.
 *
 * <pre>bench/cluster.sh [--nodes 1,3] [--seconds 15] [--clients 32] [--papers 500]</pre>
 */
public final class ClusterBench {
    private static final String[] WORDS = {"consensus", "replicated", "machines", "state", "paper", "abstract"};

    private record Row(int nodes, String what, long requests, long errors, double seconds, long[] nanos) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "15"));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "32"));
        int paperCount = Integer.parseInt(opt.getOrDefault("papers", "500"));
        List<Integer> sizes = Arrays.stream(opt.getOrDefault("nodes", "1,3").split(",")).map(Integer::parseInt).toList();
        Path haproxy = LoadBalancer.binary().orElseThrow(() -> new IllegalStateException("haproxy is not installed (Debian: apt-get install haproxy)"));
        Path tmp = Files.createTempDirectory("paperboy-bench-cluster");
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        System.err.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip() + " on "
                + Runtime.getRuntime().availableProcessors() + " cores; work in " + tmp);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(tmp.resolve("pg").toFile())
                .setDataDirectory(tmp.resolve("pg/data")).setServerConfig("max_connections", "200").setPGStartupWait(Duration.ofSeconds(60)).start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE paperboy");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/paperboy";
            List<String> ids;
            List<String> tokens;
            try (App app = new App(Settings.load(Map.of("db", url, "db-user", "postgres", "data", tmp.resolve("seed").toString()), Map.of()), Clock.systemUTC())) {
                ids = seedPapers(app, paperCount, day);
                tokens = CommunityBench.seedUsers(app, clients);
            }
            List<Row> rows = new ArrayList<>();
            for (int n : sizes) rows.addAll(measure(n, haproxy, tmp.resolve("cluster" + n), url, day, ids, tokens, seconds));
            System.out.printf("%n%5s  %-9s %9s %9s %8s %8s %8s %7s%n", "nodes", "what", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
            for (Row r : rows) {
                long[] l = r.nanos();
                Arrays.sort(l);
                System.out.printf("%5d  %-9s %9d %9.0f %8.2f %8.2f %8.2f %7d%n", r.nodes(), r.what(), r.requests(), r.requests() / r.seconds(),
                        pct(l, 0.50), pct(l, 0.99), l.length == 0 ? 0 : l[l.length - 1] / 1e6, r.errors());
            }
            System.out.println("clients " + clients + ", " + seconds + " s per row, " + ids.size() + " papers on the day; load average at end: "
                    + Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    private static List<Row> measure(int n, Path haproxy, Path dir, String url, LocalDate day, List<String> ids, List<String> tokens, int seconds)
            throws Exception {
        List<NodeProcess> nodes = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        Files.createDirectories(dir);
        List<String> settings = List.of("--db", url, "--db-user", "postgres", "--embedding-model", "off", "--harvest-interval", "off",
                "--rate-limits", "off", "--trending-interval", "off", "--trusted-proxies", "127.0.0.1");
        try {
            for (int i = 1; i <= n; i++) nodes.add(new NodeProcess(i, freePort(), dir.resolve("node" + i), dir, settings, List.of()));
            for (NodeProcess node : nodes) node.start();
            for (NodeProcess node : nodes) node.awaitReady(http, Duration.ofMinutes(5));
            try (LoadBalancer lb = LoadBalancer.start(haproxy, dir, freePort(), nodes.stream().map(x -> x.port).toList())) {
                String base = lb.url("");
                waitFor(http, base + "/readyz");
                System.err.printf("== %d node(s) behind HAProxy at %s%n", n, base);
                drive(n, "warm-up", http, base, day, ids, tokens, Math.min(5, seconds));
                List<Row> out = new ArrayList<>();
                for (String what : List.of("day page", "search", "votes")) out.add(drive(n, what, http, base, day, ids, tokens, seconds));
                return out;
            }
        } finally {
            for (NodeProcess node : nodes) node.stop(Duration.ofSeconds(30));
        }
    }

    private static Row drive(int n, String what, HttpClient http, String base, LocalDate day, List<String> ids, List<String> tokens, int seconds)
            throws InterruptedException {
        int clients = tokens.size();
        List<long[]> lat = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1 << 16]};
            int[] count = {0};
            int client = c;
            lat.add(null);
            Thread.ofPlatform().name("bench-" + c).start(() -> {
                SplittableRandom rnd = new SplittableRandom(client);
                boolean[] voted = new boolean[ids.size()];
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status = request(what, http, base, day, ids, tokens.get(client), rnd, voted);
                        if (status != 200) errors.incrementAndGet();
                        if (count[0] == mine[0].length) mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                        mine[0][count[0]++] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    synchronized (lat) {
                        lat.set(client, Arrays.copyOf(mine[0], count[0]));
                    }
                    done.countDown();
                }
            });
        }
        long t0 = System.nanoTime();
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] all = lat.stream().flatMapToLong(Arrays::stream).toArray();
        return new Row(n, what, all.length, errors.get(), elapsed, all);
    }

    private static int request(String what, HttpClient http, String base, LocalDate day, List<String> ids, String token, SplittableRandom rnd,
                               boolean[] voted) throws Exception {
        HttpRequest.Builder b = switch (what) {
            case "search" -> HttpRequest.newBuilder(URI.create(base + "/api/papers/search?mode=keyword&q=" + WORDS[rnd.nextInt(WORDS.length)]
                    + "+" + rnd.nextInt(ids.size()))).GET();
            case "votes" -> {
                int p = rnd.nextInt(ids.size());
                voted[p] = !voted[p];
                var v = HttpRequest.newBuilder(URI.create(base + "/api/papers/" + ids.get(p) + "/upvote")).header("Authorization", "Bearer " + token);
                yield voted[p] ? v.POST(HttpRequest.BodyPublishers.noBody()) : v.DELETE();
            }
            default -> HttpRequest.newBuilder(URI.create(base + "/papers?date=" + day)).GET();
        };
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> seedPapers(App app, int n, LocalDate day) {
        List<Paper> ps = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ps.add(new Paper(new ArxivId(String.format("2611.%05d", i), 1), "Benchmark paper " + i + " on consensus of replicated state machines",
                    List.of(new Author("Leslie Lamport", null)), "An abstract about replicated state machines, number " + i + ".", "cs.DC", List.of("cs.DC"),
                    null, null, null, null, day, null, List.of(new PaperVersion(1, day, null)), day, List.of(), 0, 0));
        }
        app.papers().upsert(ps, day, (old, incoming) -> incoming);
        return ps.stream().map(p -> p.id().base()).toList();
    }

    private static void waitFor(HttpClient http, String url) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (Exception e) {
                // HAProxy starting, or its first checks not done
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(url + " never answered 200");
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return m;
    }
}
