package org.paperboy.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.paperboy.cluster.Ledger.Answer;
import org.paperboy.web.Csrf;

/**
 * One user agent driving the cluster through the load balancer as a browser would (cookies, CSRF
 * form field, its own X-Forwarded-For address): it signs up, confirms the mailed link, logs in,
 * then votes, withdraws votes, comments, submits papers and reads the day page until the deadline,
 * recording every answer in the {@link Ledger}. Setting up the account is retried through the
 * faults; the actions are not (a retried vote would hide what the first answer meant).
 */
final class LoadClient implements Runnable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Sign-up and log-in hash a password (Argon2, tens of ms of a core each): on a busy machine they queue. */
    static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);
    private static final long RAMP_MILLIS = 100;
    static final String PASSWORD = "correct horse battery staple";

    private final int index;
    private final String base;
    private final HttpClient http;
    private final Ledger ledger;
    private final Mailbox mailbox;
    private final List<String> papers;
    private final String day;
    private final LongSupplier deadlineNanos;
    private final String address;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final Set<String> voted = new HashSet<>();
    private final SplittableRandom random;
    /** An account with a session made before the run. */
    record Seeded(String name, String session) {}

    /** A verified account logged in before the run, or null: this client signs up, confirms its address and logs in itself. */
    private final Seeded seeded;
    volatile String username;
    volatile boolean active;
    private int submitted;

    LoadClient(int index, Seeded seeded, String base, HttpClient http, Ledger ledger, Mailbox mailbox, List<String> papers, String day,
               LongSupplier deadlineNanos) {
        this.index = index;
        this.seeded = seeded;
        this.base = base;
        this.http = http;
        this.ledger = ledger;
        this.mailbox = mailbox;
        this.papers = papers;
        this.day = day;
        this.deadlineNanos = deadlineNanos;
        this.address = "10.77." + (index / 200) + "." + (index % 200 + 1);
        this.random = new SplittableRandom(index);
    }

    /** Ids this client submits: unique across clients, unknown to the catalog, so each is fetched from the arXiv stub. */
    static String submittedId(int client, int n) {
        return String.format("2612.%05d", client * 100 + n);
    }

    @Override
    public void run() {
        try {
            Thread.sleep(index * RAMP_MILLIS); // people arrive over a few seconds, not in one instant
            if (!account()) return;
            active = true;
            while (before()) act();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean before() {
        return System.nanoTime() < deadlineNanos.getAsLong();
    }

    private boolean account() throws InterruptedException {
        if (seeded != null) {
            cookies.put("pb_session", seeded.session());
            cookies.put("pb_csrf", Csrf.forSession(seeded.session()));
            username = seeded.name();
            return true;
        }
        for (int attempt = 0; before(); attempt++) {
            String name = "c" + index + (attempt == 0 ? "" : "r" + attempt);
            String email = name + "@example.org";
            HttpResponse<String> r = post("signup", "/signup", Map.of("username", name, "email", email, "password", PASSWORD));
            boolean unknown = r == null || r.statusCode() >= 500;
            if (!unknown && r.statusCode() != 200) {
                Thread.sleep(1_000);
                continue;
            }
            // an unanswered sign-up may have worked all the same: its mail says so
            String token = mailbox.verifyToken(email, unknown ? 15_000 : 60_000);
            if (token == null) continue;
            if (!confirm(token) || !logIn(name)) continue;
            username = name;
            return true;
        }
        return false;
    }

    private boolean confirm(String token) throws InterruptedException {
        while (before()) {
            HttpResponse<String> r = post("verify", "/account/verify", Map.of("token", token));
            if (r != null && r.statusCode() == 200) return true;
            if (r != null && r.statusCode() >= 400 && r.statusCode() < 500 && !r.body().contains("expired")) return true; // used by an unknown first try
            Thread.sleep(500);
        }
        return false;
    }

    private boolean logIn(String name) throws InterruptedException {
        while (before()) {
            HttpResponse<String> r = post("login", "/login", Map.of("username", name, "password", PASSWORD));
            if (r != null && r.statusCode() == 303) return true;
            Thread.sleep(500);
        }
        return false;
    }

    private void act() throws InterruptedException {
        double dice = random.nextDouble();
        if (dice < 0.55) vote();
        else if (dice < 0.75) comment();
        else if (dice < 0.80 && submitted < 99) submit();
        else get("day page", "/papers?date=" + day);
    }

    private void vote() throws InterruptedException {
        String paper = papers.get(random.nextInt(papers.size()));
        boolean up = !voted.contains(paper);
        HttpResponse<String> r = post(up ? "vote" : "unvote", "/papers/" + paper + "/upvote", Map.of("vote", up ? "up" : "down"));
        Answer a = r == null ? Answer.UNKNOWN : Ledger.classify(r, 303);
        ledger.votes.add(new Ledger.VoteAct(username, paper, up, a));
        if (a == Answer.OK && up) voted.add(paper);
        if (a == Answer.OK && !up) voted.remove(paper);
    }

    private void comment() throws InterruptedException {
        String paper = papers.get(random.nextInt(papers.size()));
        String body = "Comment " + random.nextLong(Long.MAX_VALUE) + " by " + username + " on " + paper;
        HttpResponse<String> r = post("comment", "/papers/" + paper + "/comments", Map.of("body", body));
        ledger.comments.put(body, r == null ? Answer.UNKNOWN : Ledger.classify(r, 303));
    }

    private void submit() throws InterruptedException {
        String id = submittedId(index, ++submitted);
        HttpResponse<String> r = post("submit", "/submit", Map.of("paper", id));
        Answer a = r == null ? Answer.UNKNOWN : Ledger.classify(r, 200);
        if (a == Answer.OK && !r.body().contains("is on today")) a = Answer.UNKNOWN; // 200 but not the success notice: look at it in the DB only
        ledger.submissions.add(new Ledger.Submit(username, id, a));
    }

    /** Submits a paper through one node directly (not the load balancer), with this client's session. */
    HttpResponse<String> submitVia(String nodeBase, String id) throws InterruptedException {
        Map<String, String> fields = Map.of("paper", id, "_csrf", cookies.getOrDefault("pb_csrf", ""));
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send("submit via node", HttpRequest.newBuilder(URI.create(nodeBase + "/submit"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String action, String path) throws InterruptedException {
        return send(action, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> post(String action, String path, Map<String, String> form) throws InterruptedException {
        if (!cookies.containsKey("pb_csrf")) get("csrf", "/login");
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", cookies.getOrDefault("pb_csrf", ""));
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(action, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(String action, HttpRequest.Builder b) throws InterruptedException {
        boolean setup = action.equals("signup") || action.equals("login") || action.equals("verify");
        b.timeout(setup ? SETUP_TIMEOUT : TIMEOUT).header("X-Forwarded-For", address);
        if (!cookies.isEmpty()) b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            ledger.count(action, Integer.toString(r.statusCode()), r.body());
            r.headers().allValues("Set-Cookie").forEach(this::remember);
            return r;
        } catch (IOException e) {
            ledger.count(action, e.getClass().getSimpleName(), e.getMessage());
            return null;
        }
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) return;
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) cookies.remove(name);
        else cookies.put(name, value);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
