package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submit form against a local stand-in for the arXiv API that knows no paper: the form stays, with the reason. */
class SubmitFormHttpTest {
    static final String EMPTY_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
              <title>arXiv Query</title><opensearch:totalResults>0</opensearch:totalResults>
            </feed>""";

    @TempDir
    Path tmp;
    HttpServer arxiv;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        arxiv = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        arxiv.createContext("/api/query", ex -> {
            byte[] body = EMPTY_FEED.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/atom+xml");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        arxiv.start();
        server = new TestServer(tmp, TestServer.settings("arxiv-api", "http://127.0.0.1:" + arxiv.getAddress().getPort() + "/api/query",
                "limit-submit", "2/1h", "new-account-age", "0s"));
    }

    @AfterEach
    void stop() {
        server.close();
        arxiv.stop(0);
    }

    @Test
    void anIdArxivDoesNotKnowIsSaidInTheFormWithTheEntryKept() throws Exception {
        var ada = server.client().signUpVerified("ada");
        for (int i = 0; i < 3; i++) {
            var r = ada.post("/submit", Map.of("paper", "2612.09998"));
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("arXiv has no paper 2612.09998."), r.body());
            assertTrue(r.body().contains("value=\"2612.09998\""), "the entry is kept");
            assertTrue(r.body().contains("action=\"/submit\""), "the form, not the generic 404 page");
            assertFalse(r.body().contains("There is no page at"));
        }
        assertEquals(200, ada.post("/submit", Map.of("paper", "2611.00001")).statusCode(), "failed ids did not use up the limit");
    }
}
