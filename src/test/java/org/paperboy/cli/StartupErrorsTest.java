package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.SmallDisk;

/**
 * What the machine refuses (a busy port, a read-only or full disk, a file that is not a database) is one
 * line naming the path or port and the cause, with exit status 2: no stack trace.
 */
class StartupErrorsTest {
    @TempDir
    Path tmp;

    private static void oneLine(Cli.Run r, String... mustContain) {
        assertEquals(2, r.code(), r.out() + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().filter(l -> l.startsWith("paperboy: ")).count(), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        for (String s : mustContain) assertTrue(err.contains(s), "'" + s + "' missing from: " + err);
    }

    @Test
    void aFileThatIsNotADatabase() throws IOException {
        Path db = tmp.resolve("data/paperboy.db");
        Files.createDirectories(db.getParent());
        Files.writeString(db, "this is not a SQLite file, it is a shopping list: milk, eggs, flour, butter, sugar".repeat(50));
        oneLine(Cli.run("", "digest", "status", "--data", tmp.resolve("data").toString()), db.toString(), "not a database");
    }

    @Test
    void aBusyPort() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            int port = busy.getLocalPort();
            oneLine(Cli.run("", "serve", "--data", tmp.resolve("data").toString(), "--port", Integer.toString(port), "--host", "127.0.0.1"),
                    "127.0.0.1:" + port, "in use");
        }
        assertFalse(Files.exists(tmp.resolve("data/paperboy.db")), "nothing started");
    }

    @Test
    void aReadOnlyDataDirectory() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("ro"), "1m")) {
            disk.readOnly();
            Path data = disk.dir().resolve("data");
            oneLine(Cli.run("", "digest", "status", "--data", data.toString()), data.toString());
            oneLine(Cli.run("", "digest", "status", "--data", disk.dir().toString()), disk.dir().toString(), "read-only");
        }
    }

    @Test
    void aFullDiskDuringImport() throws Exception {
        Path file = tmp.resolve("many.jsonl");
        StringBuilder lines = new StringBuilder();
        String text = "A long abstract about transformers and attention that fills the disk quickly. ".repeat(12);
        for (int i = 1; i <= 3000; i++) {
            lines.append(String.format("{\"id\": \"2503.%05d\", \"title\": \"Paper %d\", \"abstract\": \"%s\", \"authors\": [\"A B\"],"
                    + " \"categories\": [\"cs.CL\"], \"primary_category\": \"cs.CL\", \"comment\": null,"
                    + " \"first_listing_date\": \"2025-03-17\"}%n", i, i, text));
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("small"), "900k")) {
            Cli.Run r = Cli.run("", "import", "--data", disk.dir().toString(), file.toString());
            oneLine(r, disk.dir().resolve("paperboy.db").toString(), "full");
        }
    }
}
