package org.paperboy.enrich;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for GitHub's REST API on 127.0.0.1: answers {@code GET /repos/{owner}/{repo}}
 * with replies recorded in GitHub's shape (src/test/resources/github), and logs each request's
 * path and the headers that matter. Unknown repositories answer GitHub's 404.
 */
public final class GitHubReplay implements AutoCloseable {

    public record Reply(int status, Map<String, String> headers, byte[] body) {}

    public record Request(String path, String authorization, String userAgent, String accept, String apiVersion) {}

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    public final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    public GitHubReplay() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            var h = exchange.getRequestHeaders();
            requests.add(new Request(path, h.getFirst("Authorization"), h.getFirst("User-Agent"), h.getFirst("Accept"), h.getFirst("X-GitHub-Api-Version")));
            Reply r = replies.getOrDefault(path.toLowerCase(Locale.ROOT), notFound());
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            }
        });
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next answers for {@code owner/repo}. */
    public void answer(String repo, Reply reply) {
        replies.put("/repos/" + repo.toLowerCase(Locale.ROOT), reply);
    }

    /** The recorded answer for huggingface/transformers, with its stargazers_count set to {@code stars}. */
    public static Reply repo(String fullName, int stars) {
        String json = fixture("repo-transformers.json").replace("huggingface/transformers", fullName)
                .replace("\"stargazers_count\": 148213", "\"stargazers_count\": " + stars);
        return new Reply(200, Map.of("X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "59", "X-RateLimit-Resource", "core"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply notFound() {
        return new Reply(404, Map.of(), fixture("not-found.json").getBytes(StandardCharsets.UTF_8));
    }

    public static Reply rateLimited(int status, Map<String, String> headers) {
        return new Reply(status, headers, fixture("rate-limited.json").getBytes(StandardCharsets.UTF_8));
    }

    public static Reply raw(int status, String body) {
        return new Reply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public List<String> paths() {
        synchronized (requests) {
            return requests.stream().map(Request::path).toList();
        }
    }

    static String fixture(String name) {
        try (InputStream in = GitHubReplay.class.getResourceAsStream("/github/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
