package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.TestDatabases;

/** Two real servers (two App instances) on one embedded PostgreSQL, as behind a load balancer. */
class TwoNodesHttpTest {
    @TempDir
    Path tmp;

    private static Map<String, String> settings(String url) {
        return TestServer.settings("db", url, "db-user", "postgres", "trusted-proxies", "127.0.0.1", "limit-login", "6/1h");
    }

    private static long mails(Path data, String to) throws Exception {
        if (!Files.isDirectory(data.resolve("outbox"))) return 0;
        try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
            long n = 0;
            for (Path f : files.toList()) if (Files.readString(f).contains("To: " + to)) n++;
            return n;
        }
    }

    @Test
    void accountMailsGoOutOnceAndRateLimitsHoldAcrossTheNodes() throws Exception {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL, tmp);
        try (TestServer a = new TestServer(tmp.resolve("a"), settings(url)); TestServer b = new TestServer(tmp.resolve("b"), settings(url))) {
            List<TestServer> nodes = List.of(a, b);
            for (int i = 0; i < 8; i++) {
                var r = nodes.get(i % 2).client().post("/signup", Map.of("username", "u" + i, "email", "u" + i + "@example.org",
                        "password", "correct horse u" + i), "X-Forwarded-For", "10.0.0." + i);
                assertEquals(200, r.statusCode(), r.body());
            }
            a.lastLink("u0@example.org", "/account/verify?token="); // waits until the queue is empty
            Map<String, Long> perAddress = new HashMap<>();
            for (int i = 0; i < 8; i++) {
                String to = "u" + i + "@example.org";
                perAddress.put(to, mails(a.data, to) + mails(b.data, to));
            }
            assertTrue(perAddress.values().stream().allMatch(n -> n == 1), "each verification mail sent by one node, once: " + perAddress);

            // log-in attempts for one name from one address, spread over both nodes: the limit is 6 in all
            int refused = 0;
            for (int i = 0; i < 9; i++) {
                var r = nodes.get(i % 2).client().post("/login", Map.of("username", "u0", "password", "wrong password " + i),
                        "X-Forwarded-For", "10.1.0.1");
                if (r.statusCode() == 429) refused++;
            }
            assertEquals(3, refused, "6 attempts allowed across the cluster, not 6 per node");
            assertEquals(200, a.client().get("/readyz").statusCode());
            assertEquals(200, b.client().get("/readyz").statusCode());
        }
    }
}
