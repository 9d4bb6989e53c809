package org.paperboy.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.paperboy.bench.ArxivDailyLoader;
import org.paperboy.paper.Paper;
import org.paperboy.store.TestDatabases;

/**
 * Bytes a feed reader downloads in a day polling {@code /feed.atom} every 5 minutes (288 polls),
 * without and with conditional requests (If-None-Match / If-Modified-Since), each with and without
 * gzip. The catalog is the arxiv-daily sample; its newest listing day is announced halfway
 * through the day, as arXiv announces once a day, so the feed changes once. Counts are bytes (body,
 * and status line plus headers as received), not times, so the machine's load does not matter.
 *
 * <pre>bench/feed-poll.sh [max papers, default all]</pre>
 */
public final class FeedPollBench {

    static final int POLLS_PER_DAY = 24 * 60 / 5;

    record Tally(long bodies, long headers, int full, int notModified) {
        Tally add(HttpResponse<byte[]> r) {
            return new Tally(bodies + r.body().length, headers + headerBytes(r), full + (r.statusCode() == 200 ? 1 : 0),
                    notModified + (r.statusCode() == 304 ? 1 : 0));
        }

        long total() {
            return bodies + headers;
        }
    }

    /** The status line and header lines as they crossed the wire (HTTP/1.1 framing). */
    static long headerBytes(HttpResponse<?> r) {
        long n = "HTTP/1.1 200 OK\r\n\r\n".length();
        HttpHeaders h = r.headers();
        for (Map.Entry<String, List<String>> e : h.map().entrySet()) {
            for (String v : e.getValue()) n += e.getKey().length() + 2 + v.length() + 2;
        }
        return n;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 1 ? args[1] : "../shared/data/arxiv-daily/papers.jsonl.gz");
        int max = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        if (!Files.exists(file)) throw new IllegalStateException(file.toAbsolutePath() + " not found (the shared arxiv-daily data set)");
        List<Paper> all = ArxivDailyLoader.read(file, max);
        TreeMap<LocalDate, List<Paper>> byDay = new TreeMap<>();
        for (Paper p : all) byDay.computeIfAbsent(p.listingDate(), d -> new ArrayList<>()).add(p);
        LocalDate announced = byDay.lastKey();
        List<Paper> later = byDay.remove(announced);
        Path tmp = Files.createTempDirectory("paperboy-feed-bench");
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            List<Paper> before = byDay.values().stream().flatMap(List::stream).sorted(Comparator.comparing(Paper::listingDate)).toList();
            for (int i = 0; i < before.size(); i += 5_000) site.papers.upsert(before.subList(i, Math.min(before.size(), i + 5_000)), announced, TestSite.NEWER_WINS);
            System.out.printf("catalog: %,d papers; day %s (%,d papers) announced at poll %d of %d%n", before.size(), announced, later.size(),
                    POLLS_PER_DAY / 2, POLLS_PER_DAY);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String url = "http://127.0.0.1:" + site.server.port() + "/feed.atom";
            Tally[] t = new Tally[4];
            for (int i = 0; i < 4; i++) t[i] = new Tally(0, 0, 0, 0);
            String[] etag = new String[2];
            String[] modified = new String[2];
            for (int poll = 0; poll < POLLS_PER_DAY; poll++) {
                if (poll == POLLS_PER_DAY / 2) site.papers.upsert(later, announced, TestSite.NEWER_WINS);
                for (int gz = 0; gz < 2; gz++) {
                    t[gz] = t[gz].add(get(http, url, gz == 1, null, null));
                    HttpResponse<byte[]> c = get(http, url, gz == 1, etag[gz], modified[gz]);
                    t[2 + gz] = t[2 + gz].add(c);
                    if (c.statusCode() == 200) {
                        etag[gz] = c.headers().firstValue("ETag").orElse(null);
                        modified[gz] = c.headers().firstValue("Last-Modified").orElse(null);
                    }
                }
            }
            print("plain, unconditional", t[0]);
            print("gzip, unconditional", t[1]);
            print("plain, conditional", t[2]);
            print("gzip, conditional", t[3]);
        }
    }

    static HttpResponse<byte[]> get(HttpClient http, String url, boolean gzip, String etag, String modified) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (gzip) b.header("Accept-Encoding", "gzip");
        if (etag != null) b.header("If-None-Match", etag);
        if (modified != null) b.header("If-Modified-Since", modified);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 && r.statusCode() != 304) throw new IllegalStateException(url + " answered " + r.statusCode());
        return r;
    }

    static void print(String label, Tally t) {
        System.out.printf("%-22s %4d x 200, %4d x 304: %,13d bytes a day (%,d body + %,d headers) = %,.1f MB%n", label, t.full(), t.notModified(),
                t.total(), t.bodies(), t.headers(), t.total() / 1e6);
    }
}
