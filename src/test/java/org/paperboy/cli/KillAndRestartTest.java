package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.Settings;
import org.paperboy.index.SearchIndex;
import org.paperboy.store.Database;

/**
 * Fault injection: the real command line runs in a child JVM and is killed with SIGKILL at a random
 * moment of an import, an index rebuild, an embedding backfill and a digest delivery; after a restart
 * the counts are exact: every paper, index document, vector and mail once, none lost, none twice.
 * The seed of each run is in the failure messages, so that a failing kill point can be replayed.
 */
class KillAndRestartTest {
    private static final long SEED = Long.getLong("paperboy.faultSeed", System.nanoTime());
    private static final String DAY = "2025-03-17";

    @TempDir
    Path tmp;

    private final Random random = new Random(SEED);

    @Test
    void importAndIndexRebuildKilledAtRandomThenRestarted() throws Exception {
        int n = 3_000;
        Path file = papers(tmp.resolve("papers.jsonl"), n, 30);
        Path data = tmp.resolve("data");
        long killedAt = killAtRandom(List.of("import", "--batch", "100", "--no-index", "--data", data.toString(), file.toString()),
                () -> Files.exists(data.resolve("paperboy.db")), 2_500);
        Cli.Run again = child(List.of("import", "--no-index", "--data", data.toString(), file.toString()));
        assertEquals(0, again.code(), again.err());
        assertEquals(n, count(data, "SELECT COUNT(*) FROM papers"), "import killed after " + killedAt + " ms (seed " + SEED + ")");
        assertEquals(n, count(data, "SELECT COUNT(DISTINCT arxiv_id) FROM papers"));

        killedAt = killAtRandom(List.of("reindex", "--embedding-model", "off", "--data", data.toString()),
                () -> Files.exists(data.resolve("index")), 2_500);
        // the next command that searches resumes the rebuild from its last commit
        Cli.Run search = child(List.of("search", "--embedding-model", "off", "--mode", "keyword", "--data", data.toString(), "paper"));
        assertEquals(0, search.code(), search.err());
        try (SearchIndex index = new SearchIndex(data.resolve("index"), "", false)) {
            assertEquals(n, index.size(), "rebuild killed after " + killedAt + " ms (seed " + SEED + ")");
        }
    }

    @Test
    void embeddingBackfillKilledAtRandomThenRestarted() throws Exception {
        int n = 60;
        Path data = tmp.resolve("data");
        Cli.Run imported = child(List.of("import", "--no-index", "--data", data.toString(), papers(tmp.resolve("p.jsonl"), n, 3).toString()));
        assertEquals(0, imported.code(), imported.err());
        long killedAt = killAtRandom(List.of("embed", "--threads", "1", "--data", data.toString()),
                () -> count(data, "SELECT COUNT(*) FROM paper_embeddings") > 0, 3_000);
        Cli.Run again = child(List.of("embed", "--threads", "2", "--data", data.toString()));
        assertEquals(0, again.code(), again.err());
        String model = Settings.defaults().embeddingModel();
        assertEquals(n, count(data, "SELECT COUNT(*) FROM paper_embeddings WHERE model = '" + model + "'"),
                "backfill killed after " + killedAt + " ms (seed " + SEED + ")");
        try (SearchIndex index = new SearchIndex(data.resolve("index"), model, false)) {
            assertEquals(n, index.size());
        }
    }

    @Test
    void digestDeliveryKilledAtRandomThenRestarted() throws Exception {
        int subscribers = 100;
        Path data = tmp.resolve("data");
        Cli.Run imported = child(List.of("import", "--no-index", "--data", data.toString(), papers(tmp.resolve("p.jsonl"), 5, 3).toString()));
        assertEquals(0, imported.code(), imported.err());
        try (Database db = Database.open("jdbc:sqlite:" + data.resolve("paperboy.db"), "", "")) {
            db.jdbi().useTransaction(h -> {
                var batch = h.prepareBatch("INSERT INTO subscriptions (email, frequency, status, hard_bounces, created_at, confirmed_at, updated_at)"
                        + " VALUES (:email, 'daily', 'confirmed', 0, 0, 0, 0)");
                for (int i = 0; i < subscribers; i++) batch.bind("email", "reader" + i + "@example.org").add();
                batch.execute();
            });
        }
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            List<String> mail = List.of("--data", data.toString(), "--smtp-host", "127.0.0.1", "--smtp-port",
                    Integer.toString(smtp.getSmtp().getPort()), "--smtp-security", "none", "--base-url", "https://papers.example.org");
            List<String> run = new ArrayList<>(List.of("digest", "run", "--date", DAY));
            run.addAll(mail);
            long killedAt = killAtRandom(run, () -> smtp.getReceivedMessages().length > 0, 1_500);
            // a killed sender's claims come back after the lease; let that time pass
            try (Database db = Database.open("jdbc:sqlite:" + data.resolve("paperboy.db"), "", "")) {
                db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET claimed_at = claimed_at - 3600000 WHERE status = 'sending'"));
            }
            List<String> send = new ArrayList<>(List.of("digest", "run", "--date", DAY));
            send.addAll(mail);
            Cli.Run again = child(send);
            assertEquals(0, again.code(), again.out() + again.err());
            MimeMessage[] got = smtp.getReceivedMessages();
            long recipients = Arrays.stream(got).map(KillAndRestartTest::to).distinct().count();
            String where = "delivery killed after " + killedAt + " ms (seed " + SEED + "): " + got.length + " mails";
            assertEquals(subscribers, recipients, "nobody lost: " + where);
            // the one documented window: SMTP accepted a mail but the kill came before its row was marked sent
            // (at most one per sender thread); such a mail goes out again with the same Message-ID
            assertTrue(got.length - subscribers <= 4, "at most the in-flight mails twice: " + where);
            assertEquals(subscribers, Arrays.stream(got).map(KillAndRestartTest::messageId).distinct().count());
        } finally {
            smtp.stop();
        }
    }

    /** Writes {@code n} valid arxiv-daily records with abstracts of {@code words}0 words. */
    private static Path papers(Path file, int n, int words) throws IOException {
        StringBuilder s = new StringBuilder();
        String text = "Attention heads in transformers route information between tokens. ".repeat(words / 3 + 1);
        for (int i = 1; i <= n; i++) {
            s.append(String.format("{\"id\": \"2503.%05d\", \"title\": \"A paper about transformers, number %d\", \"abstract\": \"%s\","
                    + " \"authors\": [\"Ada Lovelace\", \"Alan Turing\"], \"categories\": [\"cs.CL\"], \"primary_category\": \"cs.CL\","
                    + " \"comment\": null, \"first_listing_date\": \"%s\"}%n", i, i, text, DAY));
        }
        Files.writeString(file, s, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Starts the command, waits until {@code started} holds (the work has begun), then kills it with SIGKILL
     * after a random delay of up to {@code maxDelayMillis}; returns that delay. A command that finished
     * first is fine: the restart then has nothing left to do, and the counts must hold all the same.
     */
    private long killAtRandom(List<String> args, BooleanSupplier started, int maxDelayMillis) throws Exception {
        Process p = start(args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && !safely(started) && System.nanoTime() < deadline) Thread.sleep(20);
        long delay = random.nextInt(maxDelayMillis);
        Thread.sleep(delay);
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        p.waitFor(30, TimeUnit.SECONDS);
        return delay;
    }

    private static boolean safely(BooleanSupplier s) {
        try {
            return s.getAsBoolean();
        } catch (RuntimeException e) {
            return false; // the database is being created
        }
    }

    private Process start(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "org.paperboy.Main"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectOutput(tmp.resolve("child.out").toFile()).redirectError(tmp.resolve("child.err").toFile()).start();
    }

    private Cli.Run child(List<String> args) throws Exception {
        Process p = start(args);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(args + " did not finish");
        }
        return new Cli.Run(p.exitValue(), Files.readString(tmp.resolve("child.out")), Files.readString(tmp.resolve("child.err")));
    }

    private static long count(Path data, String sql) {
        try (Database db = Database.open("jdbc:sqlite:" + data.resolve("paperboy.db"), "", "")) {
            return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
