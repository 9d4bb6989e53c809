package org.paperboy.ingest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A local HTTP server on 127.0.0.1:0 answering with recorded arXiv responses, logging each (decoded) query. */
final class ReplayServer implements AutoCloseable {

    record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply ok(byte[] body) {
            return new Reply(200, Map.of("Content-Type", "text/xml"), body);
        }
    }

    private final HttpServer server;
    final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    volatile Function<String, Reply> handler = q -> new Reply(404, Map.of(), new byte[0]);

    ReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String raw = exchange.getRequestURI().getRawQuery();
            String query = raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8);
            queries.add(query);
            Reply r = handler.apply(query);
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            }
        });
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Records every wait instead of sleeping, so Retry-After: 10 costs no test time. */
    static final class RecordingSleeper implements PoliteHttp.Sleeper {
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration d) {
            waits.add(d);
        }
    }

    static PoliteHttp.Policy fastPolicy(int attempts) {
        return new PoliteHttp.Policy(Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofSeconds(5), attempts,
                Duration.ofMillis(10), Duration.ofMinutes(10));
    }
}
