package org.paperboy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cluster.Ledger.Answer;
import org.paperboy.community.PasswordHasher;
import org.paperboy.community.Secrets;
import org.paperboy.community.SessionRepository;
import org.paperboy.community.UserRepository;
import org.paperboy.index.SearchIndex;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/**
 * The proof of issue #13: PostgreSQL, three {@code serve} nodes as separate JVMs and HAProxy in
 * front, all on loopback. A hundred clients sign up, log in, vote, withdraw votes, comment, submit
 * and read through the load balancer while one node is killed with SIGKILL and started again, a
 * digest run for 1,000 subscribers starts, and PostgreSQL is restarted (stopped and started on
 * the same port and data directory). Afterwards every answer is checked against the database,
 * the pages and each node's index; the mails against GreenMail; the rate limit across the nodes;
 * the scheduled jobs against the nodes' logs and /metrics.
 *
 * <p>The load phase lasts {@value #DEFAULT_SECONDS} s by default so that the whole test fits about
 * three minutes on a small machine; {@code -Dpaperboy.cluster.seconds=60} runs the 60 s
 * (and {@code -Dpaperboy.cluster.clients=N} changes the number of clients). Without HAProxy the
 * test is skipped with the reason, except under CI=true, where it fails.
 */
class ClusterTest {
    static final String SUBSCRIBER_PREFIX = "reader";
    private static final int DEFAULT_SECONDS = 40;
    private static final int SECONDS = Integer.getInteger("paperboy.cluster.seconds", DEFAULT_SECONDS);
    private static final int CLIENTS = Integer.getInteger("paperboy.cluster.clients", 100);
    private static final int NODES = 3;
    /**
     * Clients that sign up, confirm their address and log in during the run; the others start with a session made
     * before it. A log-in hashes a password (Argon2, 19 MiB, tens of ms of a core): a hundred of them on two shared
     * cores took the whole load phase, leaving no writes for the faults to hit.
     */
    private static final int SIGNING_UP = Math.min(CLIENTS, 20);
    private static final int SUBSCRIBERS = 1_000;
    private static final int PAPERS = 30;
    private static final Duration TRENDING = Duration.ofSeconds(10);
    private static final int LOGIN_LIMIT = 10;
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(5);
    private static final Pattern TRENDING_RUN = Pattern.compile("^(\\S+) .*job=trending scored \\d+ papers in (\\d+) ms");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Child JVMs compile with C1 only: on two shared cores C2's warm-up costs more than it gains in a three-minute test. */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** Logs of the nodes, HAProxy and the digest run, kept after the test for a look (target/cluster-test/). */
    private Path logs;
    private EmbeddedPostgres pg;
    private String dbUrl;
    private LocalDate day;

    @Test
    void threeNodesBehindHaproxyKeepEveryAnswerThroughASigkillAndADatabaseRestart() throws Exception {
        Path haproxy = haproxyOrSkip();
        try {
            run(haproxy);
        } finally {
            for (NodeProcess n : nodes) if (n.alive()) n.kill();
            for (int i = toClose.size() - 1; i >= 0; i--) toClose.get(i).close();
            if (pg != null) pg.close();
        }
    }

    private static Path haproxyOrSkip() {
        Optional<Path> bin = LoadBalancer.binary();
        if (bin.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true but haproxy is not installed (.ci/run installs it)");
        Assumptions.assumeTrue(bin.isPresent(), "haproxy is not installed (Debian: apt-get install haproxy): the cluster test needs it");
        return bin.get();
    }

    private void run(Path haproxy) throws Exception {
        logs = Files.createDirectories(Path.of("target", "cluster-test", "run-" + Instant.now().toString().replace(':', '-')));
        log("logs in %s", logs.toAbsolutePath());
        day = LocalDate.now(ZoneOffset.UTC).minusDays(10); // older than a scheduled daily digest takes: only the digest run below sends it
        startPostgres();
        List<String> paperIds = seed();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        toClose.add(smtp::stop);
        Mailbox mailbox = new Mailbox(smtp);
        toClose.add(mailbox);
        ArxivStub arxiv = new ArxivStub(day);
        toClose.add(arxiv);
        List<String> common = commonSettings(smtp.getSmtp().getPort(), arxiv.apiUrl());
        for (int i = 1; i <= NODES; i++) {
            List<String> s = new ArrayList<>(common);
            s.addAll(List.of("--drain-delay", "1s"));
            nodes.add(new NodeProcess(i, freePort(), tmp.resolve("node" + i), logs, s, QUICK_START));
        }
        long started = System.nanoTime();
        for (NodeProcess n : nodes) n.start();
        for (NodeProcess n : nodes) n.awaitReady(http, Duration.ofMinutes(3));
        log("3 nodes ready in %.1f s", (System.nanoTime() - started) / 1e9);
        LoadBalancer lb = LoadBalancer.start(haproxy, logs, freePort(), nodes.stream().map(n -> n.port).toList());
        toClose.add(lb);
        awaitStatus(lb.url("/"), 200, Duration.ofSeconds(30));
        assertEquals(404, status(lb.url("/metrics")), "the load balancer hides /metrics (deploy/haproxy.cfg)");

        Ledger ledger = new Ledger();
        AtomicLong deadline = new AtomicLong(System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS));
        List<LoadClient> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            LoadClient c = new LoadClient(i, i < SIGNING_UP ? null : seeded.get(i - SIGNING_UP), lb.url(""), http, ledger, mailbox, paperIds, day.toString(), deadline::get);
            clients.add(c);
            threads.add(Thread.ofPlatform().name("client-" + i).start(c));
        }
        Faults faults = faults(clients, deadline, mailbox, smtp);
        for (Thread t : threads) t.join(TimeUnit.SECONDS.toMillis(SECONDS + 120));
        long active = clients.stream().filter(c -> c.active).count();
        log("load over: %d of %d clients got an account and acted; answers:%n%s", active, CLIENTS, ledger.summary());
        assertTrue(active >= CLIENTS / 2, "most clients got through sign-up, verification and log-in: " + active);
        for (NodeProcess n : nodes) n.awaitReady(http, Duration.ofMinutes(2));

        try (Database db = Database.open(dbUrl, "postgres", "")) {
            digestsExactlyOnce(db, faults.digestRun(), smtp);
            rateLimitHoldsAcrossNodes();
            submittedThroughOneNodeIsSearchableOnTheOthers(clients.stream().filter(c -> c.active).findFirst().orElseThrow(), db);
            everyDefiniteAnswerIsInTheDatabase(db, ledger);
            countsOnEveryNodeEqualTheTables(db, paperIds);
            jobsRanOncePerPeriod(db, started);
            everyNodesIndexHoldsEveryPaper(db);
        }
    }

    // --- set-up -----------------------------------------------------------------------------

    private void startPostgres() throws Exception {
        pg = postgres(freePort());
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE paperboy");
        }
        dbUrl = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/paperboy";
    }

    /** The same port and data directory each time: a restart, not a new server. */
    private EmbeddedPostgres postgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setOverrideWorkingDirectory(tmp.resolve("pg").toFile()).setDataDirectory(tmp.resolve("pg/data"))
                .setCleanDataDirectory(false).setPort(port).setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    /** The day's papers and 1,000 confirmed daily subscribers. */
    private final List<LoadClient.Seeded> seeded = new ArrayList<>();

    private List<String> seed() {
        try (Database db = Database.open(dbUrl, "postgres", "")) {
            List<Paper> ps = new ArrayList<>();
            for (int i = 1; i <= PAPERS; i++) {
                ps.add(new Paper(new ArxivId(String.format("2611.%05d", i), 1), "Seeded paper " + i + " on consensus", List.of(new Author("Leslie Lamport", null)),
                        "An abstract about replicated state machines, number " + i + ".", "cs.DC", List.of("cs.DC"), null, null, null, null, day, null,
                        List.of(new PaperVersion(1, day, null)), day, List.of(), 0, 0));
            }
            new PaperRepository(db).upsert(ps, day, (old, incoming) -> incoming);
            String hash = new PasswordHasher(PasswordHasher.Params.FAST_FOR_TESTS, new Secrets()).hash(LoadClient.PASSWORD);
            UserRepository users = new UserRepository(db);
            SessionRepository sessions = new SessionRepository(db);
            Secrets secrets = new Secrets();
            long now = System.currentTimeMillis();
            for (int i = SIGNING_UP; i < CLIENTS; i++) {
                long id = users.insert("c" + i, "c" + i + "@example.org", hash, now, now);
                String session = secrets.newSecret("");
                sessions.create(Secrets.digest(session), id, now, now + Duration.ofDays(1).toMillis());
                seeded.add(new LoadClient.Seeded("c" + i, session));
            }
            db.jdbi().useTransaction(h -> {
                var batch = h.prepareBatch("INSERT INTO subscriptions (email, frequency, status, hard_bounces, created_at, confirmed_at, updated_at)"
                        + " VALUES (:email, 'daily', 'confirmed', 0, 0, 0, 0)");
                for (int i = 0; i < SUBSCRIBERS; i++) batch.bind("email", SUBSCRIBER_PREFIX + i + "@example.org").add();
                batch.execute();
            });
            return ps.stream().map(p -> p.id().base()).toList();
        }
    }

    private List<String> commonSettings(int smtpPort, String arxivApi) {
        return List.of("--db", dbUrl, "--db-user", "postgres", "--embedding-model", "off", "--harvest-interval", "off",
                "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(smtpPort), "--smtp-security", "none",
                "--mail-from", "Paperboy <papers@example.org>", "--base-url", "http://papers.example.org",
                "--arxiv-api", arxivApi, "--trusted-proxies", "127.0.0.1", "--trending-interval", TRENDING.toSeconds() + "s",
                // generous write limits for the load (each client is a new account, which gets a quarter of them);
                // the log-in limit stays strict for the rate-limit check
                "--limit-vote", "100000/1m", "--limit-comment", "100000/1m", "--limit-submit", "100000/1h",
                "--limit-login", LOGIN_LIMIT + "/1h"); // an hour: no token comes back while the attempts wait for Argon2
    }

    // --- the faults -------------------------------------------------------------------------

    /** What the fault thread did, for the checks. */
    record Faults(Process digestRun) {}

    /**
     * SIGKILL of node 2 once half the clients act (it is started again at once), then a digest run (a
     * {@code paperboy digest run} process) and, once its first mails arrive, a PostgreSQL restart.
     * The kill comes before the digest run so that exactly-once can be asserted of the mails: a
     * node killed between the SMTP server's 250 and its own "sent" mark sends that one mail twice
     * (with the same Message-ID), the documented window that KillAndRestartTest covers.
     */
    private Faults faults(List<LoadClient> clients, AtomicLong deadline, Mailbox mailbox, GreenMail smtp) throws Exception {
        // the faults hit writes, not only log-ins: wait until half the clients act (log-ins queue on a busy machine)
        long latest = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS / 2);
        while (clients.stream().filter(c -> c.active).count() < CLIENTS / 2 && System.nanoTime() < latest) Thread.sleep(100);
        Thread.sleep(2_000);
        NodeProcess victim = nodes.get(1);
        victim.kill();
        log("SIGKILL node 2");
        victim.start();
        victim.awaitReady(http, Duration.ofMinutes(3));
        log("node 2 ready again");
        Process digest = cli(List.of("digest", "run", "--date", day.toString(), "--data", tmp.resolve("cli").toString(), "--db", dbUrl,
                "--db-user", "postgres", "--embedding-model", "off", "--smtp-host", "127.0.0.1", "--smtp-port",
                Integer.toString(smtp.getSmtp().getPort()), "--smtp-security", "none", "--base-url", "http://papers.example.org"));
        long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (mailbox.digests() == 0 && digest.isAlive() && System.nanoTime() < wait) Thread.sleep(50);
        log("digest run started: %d digests delivered; restarting PostgreSQL", mailbox.digests());
        int port = pg.getPort();
        pg.close();
        Thread.sleep(2_000);
        pg = postgres(port);
        log("PostgreSQL up again");
        deadline.accumulateAndGet(System.nanoTime() + TimeUnit.SECONDS.toNanos(10), Math::max); // writes go on after the restart
        return new Faults(digest);
    }

    private Process cli(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC", QUICK_START.get(0),
                "-cp", System.getProperty("java.class.path"), "org.paperboy.Main"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve("digest-run.log").toFile()).start();
    }

    // --- the checks -------------------------------------------------------------------------

    /**
     * Every subscriber gets the digest exactly once. Rows claimed by the digest process when the
     * database went away stay claimed until their lease (10 minutes) runs out; the test moves
     * their claim back an hour instead of waiting, as the lease running out would.
     */
    private void digestsExactlyOnce(Database db, Process digestRun, GreenMail smtp) throws Exception {
        digestRun.waitFor(120, TimeUnit.SECONDS);
        log("digest run exited %d: %s", digestRun.exitValue(), lastLines(logs.resolve("digest-run.log"), 3));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        boolean aged = false;
        while (System.nanoTime() < end) {
            Map<String, Long> byStatus = outboxByStatus(db);
            if (byStatus.getOrDefault("sent", 0L) >= SUBSCRIBERS && byStatus.keySet().stream().allMatch(s -> s.equals("sent"))) break;
            if (!aged && byStatus.getOrDefault("queued", 0L) == 0 && byStatus.getOrDefault("sending", 0L) > 0) {
                Thread.sleep(3_000); // a live sender finishes a claimed batch in well under this
                int n = db.jdbi().withHandle(h -> h.execute("UPDATE outbox SET claimed_at = claimed_at - 3600000 WHERE status = 'sending'"));
                log("%d outbox rows left claimed by a sender that lost its database: their lease runs out", n);
                aged = true;
            }
            Thread.sleep(500);
        }
        assertEquals(Map.of("sent", (long) SUBSCRIBERS), outboxByStatus(db), "every digest row sent");
        Map<String, Integer> perRecipient = new TreeMap<>();
        Map<String, Integer> perMessageId = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (!to.startsWith(SUBSCRIBER_PREFIX)) continue;
            perRecipient.merge(to, 1, Integer::sum);
            perMessageId.merge(m.getMessageID(), 1, Integer::sum);
        }
        assertEquals(SUBSCRIBERS, perRecipient.size(), "every subscriber got the digest");
        Map<String, Integer> twice = perRecipient.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), twice, "nobody got it twice");
        assertEquals(SUBSCRIBERS, perMessageId.size());
        log("digests: %d subscribers, each exactly one mail", perRecipient.size());
    }

    private static Map<String, Long> outboxByStatus(Database db) {
        Map<String, Long> m = new TreeMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM outbox WHERE run_id IS NOT NULL GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n"))).forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    /** 3x the log-in limit for one name from one address, spread over the three nodes: refused as on one node. */
    private void rateLimitHoldsAcrossNodes() throws Exception {
        int refused = 0;
        int answered = 0;
        for (int i = 0; i < 3 * LOGIN_LIMIT; i++) {
            NodeProcess n = nodes.get(i % NODES);
            String csrf = "t" + i;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(n.url("/login"))).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "pb_csrf=" + csrf)
                    .header("X-Forwarded-For", "10.99.0.1")
                    .POST(HttpRequest.BodyPublishers.ofString("username=c0&password=wrong+" + i + "&_csrf=" + csrf)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) refused++;
            else answered++;
        }
        assertEquals(2 * LOGIN_LIMIT, refused, "of " + 3 * LOGIN_LIMIT + " log-in attempts over 3 nodes, " + LOGIN_LIMIT
                + " are answered and the rest refused, as on one node (answered " + answered + ")");
    }

    /** A paper submitted through node 1 is found by search on nodes 2 and 3 within 5 s. */
    private void submittedThroughOneNodeIsSearchableOnTheOthers(LoadClient client, Database db) throws Exception {
        String id = "2612.99999";
        HttpResponse<String> r = client.submitVia(nodes.get(0).url(""), id);
        assertEquals(200, r == null ? -1 : r.statusCode(), r == null ? "no answer" : r.body());
        long t0 = System.nanoTime();
        for (NodeProcess other : nodes.subList(1, NODES)) {
            String q = other.url("/api/papers/search?mode=keyword&q=" + ArxivStub.word(id));
            while (true) {
                String total = http.send(HttpRequest.newBuilder(URI.create(q)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Total-Count").orElse("0");
                if (!total.equals("0")) break;
                assertTrue(System.nanoTime() - t0 < SEARCHABLE_WITHIN.toNanos(), id + " not searchable on node " + other.index + " within " + SEARCHABLE_WITHIN);
                Thread.sleep(50);
            }
        }
        log("a paper submitted through node 1 was searchable on nodes 2 and 3 after %d ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * OK answers are in the database exactly once, refused ones are absent, and unknown ones at
     * most once. A vote is judged by the account's last answer for that paper, and only where
     * every answer for that pair was definite: an unknown request may still be applied after a
     * later one (it was waiting on the database when the client gave up).
     */
    private void everyDefiniteAnswerIsInTheDatabase(Database db, Ledger ledger) {
        Map<String, Long> users = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT username, id FROM users").map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> users.put(e.getKey(), e.getValue())));
        Set<String> rows = new HashSet<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT user_id, arxiv_id FROM votes").map((rs, c) -> rs.getLong(1) + " " + rs.getString(2))
                .forEach(rows::add));
        Map<String, Boolean> expected = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        synchronized (ledger.votes) {
            for (Ledger.VoteAct v : ledger.votes) {
                String key = users.get(v.user()) + " " + v.paper();
                if (v.answer() == Answer.UNKNOWN) unknown.add(key);
                if (v.answer() == Answer.OK) expected.put(key, v.up());
            }
        }
        int judged = 0;
        List<String> wrong = new ArrayList<>();
        for (var e : expected.entrySet()) {
            if (unknown.contains(e.getKey())) continue;
            judged++;
            if (rows.contains(e.getKey()) != e.getValue()) wrong.add(e.getKey() + (e.getValue() ? " voted but no row" : " withdrawn but a row"));
        }
        assertEquals(List.of(), wrong, "votes whose every answer was definite");
        assertTrue(judged > 0);

        Map<String, Long> commentRows = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT body, COUNT(*) FROM comments GROUP BY body").map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> commentRows.put(e.getKey(), e.getValue())));
        List<String> badComments = new ArrayList<>();
        ledger.comments.forEach((body, a) -> {
            long n = commentRows.getOrDefault(body, 0L);
            if ((a == Answer.OK && n != 1) || (a == Answer.REFUSED && n != 0) || n > 1) badComments.add(a + " but " + n + " rows: " + body);
        });
        assertEquals(List.of(), badComments, "comments");

        Map<String, String> submitter = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT s.arxiv_id, u.username FROM submissions s JOIN users u ON u.id = s.user_id")
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> submitter.put(e.getKey(), e.getValue())));
        List<String> badSubmissions = new ArrayList<>();
        synchronized (ledger.submissions) {
            for (Ledger.Submit s : ledger.submissions) {
                String by = submitter.get(s.paper());
                if (s.answer() == Answer.OK && !s.user().equals(by)) badSubmissions.add("OK but submitted by " + by + ": " + s);
                if (s.answer() == Answer.REFUSED && by != null) badSubmissions.add("refused but recorded: " + s);
            }
        }
        assertEquals(List.of(), badSubmissions, "submissions (the table's key makes more than one row impossible)");
        log("ledger: %d OK, %d refused, %d unknown; %d (account, paper) votes judged, %d left out as unknown", ledger.total(Answer.OK),
                ledger.total(Answer.REFUSED), ledger.total(Answer.UNKNOWN), judged, unknown.size());
    }

    /** The counts every node shows (paper API and the day's listing API) are the tables' counts. */
    private void countsOnEveryNodeEqualTheTables(Database db, List<String> paperIds) throws Exception {
        Map<String, long[]> truth = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT p.arxiv_id, (SELECT COUNT(*) FROM votes v WHERE v.arxiv_id = p.arxiv_id),"
                        + " (SELECT COUNT(*) FROM comments c WHERE c.arxiv_id = p.arxiv_id AND c.deleted = 0 AND c.hidden = 0), p.upvotes, p.num_comments FROM papers p")
                .map((rs, c) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}))
                .forEach(e -> truth.put(e.getKey(), e.getValue())));
        for (var e : truth.entrySet()) {
            long[] t = e.getValue();
            assertEquals(t[0], t[2], e.getKey() + ": papers.upvotes is the votes table's count");
            assertEquals(t[1], t[3], e.getKey() + ": papers.num_comments is the comments table's count");
        }
        for (NodeProcess n : nodes) {
            for (String id : paperIds) {
                JsonNode p = JSON.readTree(n.get(http, "/api/papers/" + id));
                assertEquals(truth.get(id)[0], p.path("upvotes").asLong(), "node " + n.index + " " + id + " upvotes");
                assertEquals(truth.get(id)[1], p.path("numComments").asLong(), "node " + n.index + " " + id + " comments");
            }
            JsonNode listing = JSON.readTree(n.get(http, "/api/daily_papers?date=" + day + "&limit=100"));
            assertTrue(listing.size() > 0);
            for (JsonNode item : listing) {
                String id = item.path("paper").path("id").asText();
                assertEquals(truth.get(id)[0], item.path("upvotes").asLong(), "node " + n.index + " day listing " + id + " upvotes");
                assertEquals(truth.get(id)[1], item.path("numComments").asLong(), "node " + n.index + " day listing " + id + " comments");
            }
        }
    }

    /**
     * Trending ran once per interval across the cluster: from every node's logs (the killed node's
     * first life included), no two runs less than an interval apart, and at least one run in
     * every two intervals. Each live node's job-run counter in /metrics equals its own log's runs.
     * The digest job handled its slot on one node only.
     */
    private void jobsRanOncePerPeriod(Database db, long startedNanos) throws Exception {
        List<Instant> runs = new ArrayList<>();
        int digestSlots = 0;
        for (NodeProcess n : nodes) {
            for (Path log : n.logFiles()) {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = TRENDING_RUN.matcher(line);
                    // the line is written when the run ends: a run slowed by the database restart would end close to the next one's start
                    if (m.find()) runs.add(OffsetDateTime.parse(m.group(1)).toInstant().minusMillis(Long.parseLong(m.group(2))));
                    if (line.contains("digest slot") && line.contains("handled")) digestSlots++;
                }
            }
            // scraped before the log is read: a run logs, then counts, so the log may be one ahead, never behind
            long counted = (long) metric(n, "paperboy_job_runs_total", "job=\"trending\",outcome=\"success\"");
            long own = Files.readAllLines(n.currentLog()).stream().filter(l -> TRENDING_RUN.matcher(l).find()).count();
            assertTrue(own >= counted && own <= counted + 1, "node " + n.index + ": /metrics counts " + counted + " trending runs, its log shows " + own);
        }
        runs.sort(null);
        for (int i = 1; i < runs.size(); i++) {
            Duration gap = Duration.between(runs.get(i - 1), runs.get(i));
            assertTrue(gap.compareTo(TRENDING.minusSeconds(2)) >= 0, "two trending runs " + gap.toMillis() + " ms apart: " + runs);
        }
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        long intervals = (long) (seconds / TRENDING.toSeconds());
        // at most one run per interval; at least one per two: a lease runs out after one interval and each node looks
        // again within one more (less one for the database restart)
        assertTrue(runs.size() <= intervals + 1 && runs.size() >= intervals / 2 - 1,
                runs.size() + " trending runs in " + intervals + " intervals");
        assertEquals(1, digestSlots, "the digest job's slot was handled by one node once");
        log("jobs: %d trending runs in %.0f s (interval %d s), digest slot handled once", runs.size(), seconds, TRENDING.toSeconds());
    }

    private double metric(NodeProcess n, String name, String labels) throws Exception {
        for (String line : n.get(http, "/metrics").split("\n")) {
            if (line.startsWith(name + "{") && line.contains(labels)) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return 0;
    }

    /** Every node stops on SIGTERM (drain), and its index holds every paper of the database. */
    private void everyNodesIndexHoldsEveryPaper(Database db) throws Exception {
        for (NodeProcess n : nodes) awaitIndexCaughtUp(n);
        List<String> ids = db.jdbi().withHandle(h -> h.createQuery("SELECT arxiv_id FROM papers").mapTo(String.class).list());
        for (NodeProcess n : nodes) assertTrue(n.stop(Duration.ofSeconds(40)), "node " + n.index + " stopped on SIGTERM: " + n.tail());
        for (NodeProcess n : nodes) {
            try (SearchIndex index = new SearchIndex(n.data.resolve("index"), "", false)) {
                Set<String> missing = new HashSet<>(ids);
                missing.removeAll(index.indexedHashes(ids).keySet());
                assertEquals(Set.of(), missing, "node " + n.index + "'s index holds every paper (" + ids.size() + ")");
            }
        }
        log("each node's index holds all %d papers", ids.size());
    }

    private void awaitIndexCaughtUp(NodeProcess n) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (metric(n, "paperboy_index_lag_changes", "") != 0) {
            assertTrue(System.nanoTime() < end, "node " + n.index + "'s index caught up");
            Thread.sleep(200);
        }
    }

    // --- small helpers ------------------------------------------------------------------------

    private int status(String url) {
        return NodeProcess.status(http, url, Duration.ofSeconds(5));
    }

    private void awaitStatus(String url, int expected, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (status(url) != expected) {
            assertTrue(System.nanoTime() < end, url + " did not answer " + expected);
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String lastLines(Path file, int n) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static void log(String format, Object... args) {
        System.out.printf("[cluster] " + format + "%n", args);
    }
}
