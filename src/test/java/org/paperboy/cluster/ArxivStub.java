package org.paperboy.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the arXiv API that knows every new-style id it is asked for: the entry's
 * title and abstract carry {@link #word(String)}, a token found in no other paper, so a test can
 * search for exactly that paper.
 */
final class ArxivStub implements AutoCloseable {
    private static final Pattern ID_LIST = Pattern.compile("id_list=([^&]*)");
    private final HttpServer server;
    private final LocalDate published;

    ArxivStub(LocalDate published) throws IOException {
        this.published = published;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory()));
        server.createContext("/api/query", ex -> {
            String query = URLDecoder.decode(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            Matcher m = ID_LIST.matcher(query);
            StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
                    + " xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n"
                    + "<title>arXiv Query</title>\n");
            if (m.find()) for (String id : m.group(1).split(",")) if (!id.isBlank()) feed.append(entry(id.strip().replaceAll("v\\d+$", "")));
            feed.append("</feed>\n");
            byte[] body = feed.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/atom+xml");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The token only this paper's title holds. */
    static String word(String arxivId) {
        return "zq" + arxivId.replace(".", "");
    }

    private String entry(String id) {
        return "<entry><id>http://arxiv.org/abs/" + id + "v1</id><title>Submitted paper " + word(id) + " on cluster faults</title>"
                + "<updated>" + published + "T08:00:00Z</updated><summary>An abstract about " + word(id) + ".</summary>"
                + "<category term=\"cs.DC\" scheme=\"http://arxiv.org/schemas/atom\"/><published>" + published + "T08:00:00Z</published>"
                + "<arxiv:primary_category term=\"cs.DC\"/><author><name>Barbara Liskov</name></author></entry>\n";
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/query";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
