package org.paperboy.community.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.paperboy.App;
import org.paperboy.community.PasswordHasher;
import org.paperboy.community.Secrets;
import org.paperboy.community.UserRepository;
import org.paperboy.config.Settings;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.TestDatabases;

/**
 * N concurrent clients voting and commenting over loopback HTTP for a fixed time, against SQLite
 * and against PostgreSQL (embedded, started here). Each client toggles votes (80%) and posts
 * comments (20%) on a small set of papers, remembering what it did; afterwards the votes and
 * comments tables and the recounted papers.upvotes / num_comments must match exactly (nothing
 * lost, nothing doubled). Rate limits are off, as they would refuse a benchmark.
 *
 * <pre>bench/community.sh [--seconds 30] [--clients 100] [--papers 20] [--db sqlite|postgresql|both]</pre>
 */
public final class CommunityBench {
    private static final double VOTE_SHARE = 0.8;

    private record Result(String db, long votes, long comments, long errors, double seconds, long[] latenciesNanos, boolean consistent, String check) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "100"));
        int papers = Integer.parseInt(opt.getOrDefault("papers", "20"));
        String which = opt.getOrDefault("db", "both");
        List<Result> results = new ArrayList<>();
        Path tmp = Files.createTempDirectory("paperboy-bench-community");
        if (!which.equals("postgresql")) results.add(run("SQLite", tmp.resolve("sqlite"), null, seconds, clients, papers));
        if (!which.equals("sqlite")) {
            String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL, tmp);
            results.add(run("PostgreSQL", tmp.resolve("pg"), url, seconds, clients, papers));
        }
        System.out.printf("%n%-11s %8s %8s %9s %8s %8s %8s %8s %7s  %s%n", "database", "votes", "comments", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "clients", "check");
        for (Result r : results) {
            long[] l = r.latenciesNanos;
            Arrays.sort(l);
            System.out.printf("%-11s %8d %8d %9.0f %8.2f %8.2f %8.2f %8d %7d  %s%n", r.db, r.votes, r.comments,
                    (r.votes + r.comments) / r.seconds, pct(l, 0.50), pct(l, 0.99), l.length == 0 ? 0 : l[l.length - 1] / 1e6,
                    r.errors, clients, r.check);
        }
        System.exit(results.stream().allMatch(Result::consistent) ? 0 : 1);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return m;
    }

    private static Result run(String name, Path data, String pgUrl, int seconds, int clients, int paperCount) throws Exception {
        Map<String, String> flags = new HashMap<>(Map.of("data", data.toString(), "port", "0", "host", "127.0.0.1",
                "rate-limits", "off", "trending-interval", "off", "harvest-interval", "off"));
        if (pgUrl != null) {
            flags.put("db", pgUrl);
            flags.put("db-user", "postgres");
        }
        try (App app = new App(Settings.load(flags, Map.of()), Clock.systemUTC())) {
            List<String> ids = seedPapers(app, paperCount);
            List<String> tokens = seedUsers(app, clients);
            app.startServer();
            String base = "http://127.0.0.1:" + app.port();
            System.err.printf("== %s: %d clients, %d papers, %d s on %s%n", name, clients, paperCount, seconds, base);
            return drive(name, app, base, ids, tokens, seconds);
        }
    }

    private static List<String> seedPapers(App app, int n) {
        LocalDate day = LocalDate.now(Clock.systemUTC());
        List<Paper> ps = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = String.format("2611.%05d", i);
            ps.add(new Paper(new ArxivId(id, 1), "Benchmark paper " + i, List.of(new Author("Ada Lovelace", null)), "Abstract " + i,
                    "cs.LG", List.of("cs.LG"), null, null, null, null, day, null, List.of(new PaperVersion(1, day, null)), day, List.of(), 0, 0));
        }
        app.papers().upsert(ps, day, (old, incoming) -> incoming);
        return ps.stream().map(p -> p.id().base()).toList();
    }

    /** Verified accounts with API tokens; a cheap hash, since log-in is not what is measured. */
    public static List<String> seedUsers(App app, int n) {
        UserRepository users = new UserRepository(app.db());
        String hash = new PasswordHasher(PasswordHasher.Params.FAST_FOR_TESTS, new Secrets()).hash("benchmark password");
        List<String> tokens = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            long id = users.insert("bench" + i, "bench" + i + "@example.org", hash, now, now);
            tokens.add(app.community().accounts().newApiToken(users.byId(id).orElseThrow(), "bench"));
        }
        return tokens;
    }

    private static Result drive(String name, App app, String base, List<String> ids, List<String> tokens, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        int clients = tokens.size();
        List<Set<String>> voted = new ArrayList<>();
        long[][] commentsBy = new long[clients][ids.size()];
        List<long[]> lat = new ArrayList<>();
        AtomicLong votes = new AtomicLong();
        AtomicLong comments = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        for (int c = 0; c < clients; c++) {
            voted.add(new HashSet<>());
            long[] mine = new long[2_000_000];
            lat.add(mine);
            int client = c;
            Thread.ofPlatform().name("client-" + c).start(() -> {
                SplittableRandom rnd = new SplittableRandom(client);
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < mine.length) {
                        int p = rnd.nextInt(ids.size());
                        String id = ids.get(p);
                        long t0 = System.nanoTime();
                        boolean ok;
                        if (rnd.nextDouble() < VOTE_SHARE) {
                            boolean up = !voted.get(client).contains(id);
                            var b = HttpRequest.newBuilder(URI.create(base + "/api/papers/" + id + "/upvote"))
                                    .header("Authorization", "Bearer " + tokens.get(client));
                            var r = http.send((up ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.DELETE()).build(), HttpResponse.BodyHandlers.discarding());
                            ok = r.statusCode() == 200;
                            if (ok) {
                                if (up) voted.get(client).add(id);
                                else voted.get(client).remove(id);
                                votes.incrementAndGet();
                            }
                        } else {
                            var r = http.send(HttpRequest.newBuilder(URI.create(base + "/papers/" + id + "/comments"))
                                    .header("Authorization", "Bearer " + tokens.get(client))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("body=Comment+" + n + "+by+client+" + client)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            ok = r.statusCode() == 303;
                            if (ok) {
                                commentsBy[client][p]++;
                                comments.incrementAndGet();
                            }
                        }
                        if (!ok) errors.incrementAndGet();
                        mine[n++] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("client " + client + ": " + e);
                } finally {
                    lat.set(client, Arrays.copyOf(mine, n));
                    done.countDown();
                }
            });
        }
        long t0 = System.nanoTime();
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] all = lat.stream().flatMapToLong(Arrays::stream).toArray();
        String check = check(app, ids, voted, commentsBy);
        return new Result(name, votes.get(), comments.get(), errors.get(), elapsed, all, check.startsWith("ok"), check);
    }

    /** Compares the database with what the clients did: every vote and comment exactly once. */
    private static String check(App app, List<String> ids, List<Set<String>> voted, long[][] commentsBy) {
        int bad = 0;
        long expectedVotes = 0;
        long expectedComments = 0;
        for (int p = 0; p < ids.size(); p++) {
            String id = ids.get(p);
            int v = 0;
            for (Set<String> s : voted) if (s.contains(id)) v++;
            long c = 0;
            for (long[] byClient : commentsBy) c += byClient[p];
            expectedVotes += v;
            expectedComments += c;
            Paper paper = app.papers().find(id).orElseThrow();
            int voteRows = app.community().voteRepository().countRows(id);
            int commentRows = app.community().commentRepository().countRows(id);
            if (voteRows != v || paper.upvotes() != v || commentRows != c || paper.numComments() != c) {
                bad++;
                System.err.printf("MISMATCH %s: votes expected %d, rows %d, column %d; comments expected %d, rows %d, column %d%n",
                        id, v, voteRows, paper.upvotes(), c, commentRows, paper.numComments());
            }
        }
        return bad == 0 ? "ok: " + expectedVotes + " votes and " + expectedComments + " comments stored exactly once"
                : "FAILED on " + bad + " papers";
    }
}
