package org.paperboy.cluster;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every answer the clients got. A request is OK (the success answer), REFUSED (a 4xx, or HAProxy's
 * own 503 when no node was up: the request reached no node or was turned down before any write)
 * or UNKNOWN (a 5xx from a node, a 502/504 from HAProxy, a timeout or a reset connection): the
 * write may or may not have happened, so the checks assert nothing about it but "at most once".
 */
final class Ledger {
    enum Answer { OK, REFUSED, UNKNOWN }

    record VoteAct(String user, String paper, boolean up, Answer answer) {}

    record Submit(String user, String paper, Answer answer) {}

    private static final String HAPROXY_NO_SERVER = "No server is available to handle this request";

    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<String, String> firstBody = new ConcurrentHashMap<>();
    final List<VoteAct> votes = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Answer> comments = new ConcurrentHashMap<>();
    final List<Submit> submissions = Collections.synchronizedList(new ArrayList<>());

    static Answer classify(HttpResponse<String> r, int ok) {
        int s = r.statusCode();
        if (s == ok) return Answer.OK;
        if (s >= 400 && s < 500) return Answer.REFUSED;
        if (s == 503 && r.body() != null && r.body().contains(HAPROXY_NO_SERVER)) return Answer.REFUSED;
        return Answer.UNKNOWN;
    }

    /** Counts one answer by action and status ("vote 303", "comment timeout"). */
    void count(String action, String status, String body) {
        String key = action + " " + status;
        answers.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (body != null && !status.startsWith("2") && !status.startsWith("3")) {
            firstBody.putIfAbsent(key, body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip());
        }
    }

    long total(Answer a) {
        return votes.stream().filter(v -> v.answer() == a).count() + comments.values().stream().filter(c -> c == a).count()
                + submissions.stream().filter(s -> s.answer() == a).count();
    }

    String summary() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((k, v) -> sorted.put(k, v.sum()));
        StringBuilder s = new StringBuilder();
        sorted.forEach((k, v) -> {
            String said = firstBody.getOrDefault(k, "");
            s.append(String.format("  %-34s %7d  %s%n", k, v, said.length() > 160 ? said.substring(0, 160) + "…" : said));
        });
        return s.toString();
    }
}
