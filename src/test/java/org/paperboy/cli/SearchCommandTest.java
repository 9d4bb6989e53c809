package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.config.Settings;

/** `paperboy search` asks the server running on its data directory, and says when it searched in-process instead. */
class SearchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void asksTheServerOnTheSameDataDirectoryElseSearchesInProcess() throws Exception {
        String[] data = {"--data", tmp.toString(), "--embedding-model", "off"};
        Cli.Run r = Cli.run("", concat(new String[] {"search", "paper", "--json"}, data));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("(searched in-process: no server running on " + tmp + ")"), r.err());

        try (App app = new App(Settings.defaults().withDataDir(tmp).withPort(0))) {
            app.papers().upsert(List.of(BackupCommandTest.paper("2611.00001"), BackupCommandTest.paper("2611.00002")),
                    LocalDate.of(2026, 11, 26), (a, b) -> b);
            // indexed before the server answers: with nothing indexed yet it says 503 and the command searches in-process (seen under load)
            app.search().follower().catchUp(n -> {});
            app.startServer();
            ServerFile.write(tmp, "0.0.0.0", app.port());
            r = Cli.run("", concat(new String[] {"search", "Paper 2611.00002", "--mode", "keyword", "--json", "--explain"}, data));
            assertEquals(0, r.code(), r.err());
            // (the server runs in this test's process, so its log lines share stderr)
            assertTrue(r.err().contains("(asked the server at http://127.0.0.1:" + app.port() + ")"), r.err());
            assertFalse(r.err().contains("in-process"), r.err());
            JsonNode body = new ObjectMapper().readTree(r.out());
            assertEquals("2611.00002", body.get(0).path("paper").path("id").asText(), r.out());
            assertTrue(body.get(0).path("explain").path("keyword").asDouble() > 0, r.out());

            r = Cli.run("", concat(new String[] {"search", "the of and"}, data));
            assertEquals(2, r.code(), "the server's refusal is the same one line");
            assertTrue(r.err().contains("too common"), r.err());

            r = Cli.run("", concat(new String[] {"search", "Paper 2611.00002", "--mode", "keyword", "--local"}, data));
            assertTrue(r.err().contains("(searched in-process)"), r.err());
            assertTrue(r.out().contains("2611.00002"), r.out());
        }
        // the server stopped without removing the file (this test's process still lives): nothing answers there
        r = Cli.run("", concat(new String[] {"search", "Paper 2611.00002", "--mode", "keyword"}, data));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().matches("(?s).*\\(searched in-process: the server at http://127\\.0\\.0\\.1:\\d+ did not answer\\).*"), r.err());
        assertTrue(r.out().contains("2611.00002"), r.out());

        ServerFile.remove(tmp);
        assertFalse(Files.exists(tmp.resolve(ServerFile.NAME)), "the process that wrote the file removes it");
        Files.writeString(tmp.resolve(ServerFile.NAME), "{\"pid\": 2147483646, \"url\": \"http://127.0.0.1:1\"}");
        assertTrue(ServerFile.running(tmp).isEmpty(), "a file whose process is gone is ignored");
        Files.writeString(tmp.resolve(ServerFile.NAME), "{not json");
        assertTrue(ServerFile.running(tmp).isEmpty(), "a broken file is ignored");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
