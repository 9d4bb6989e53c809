package org.paperboy.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.cli.Cli;
import org.paperboy.config.Settings;

/** `paperboy digest run` end to end through App, with no SMTP server: mail becomes .eml files. */
class DigestCliTest {
    @TempDir
    Path tmp;

    @Test
    void digestRunComposesOnceAndWritesEmlFilesWithoutSmtp() throws Exception {
        Settings settings = Settings.load(Map.of("data", tmp.toString(), "base-url", "https://papers.example.org"), Map.of());
        LocalDate day = LocalDate.of(2026, 11, 20);
        try (App app = new App(settings)) {
            app.papers().upsert(List.of(NotifyFixture.paper("2611.00001", "A paper", "Abstract.", day, List.of("Ada"), "cs.CL")), day, (a, b) -> b);
            app.subscriptions().subscribe("one@example.org", "daily", List.of());
            app.subscriptions().subscribe("two@example.org", "daily", List.of());
            app.db().jdbi().useHandle(h -> h.execute("UPDATE subscriptions SET status = 'confirmed', confirm_hash = NULL"));
        }
        String dryRun = run("digest", "run", "--dry-run", "--data", tmp.toString());
        assertTrue(dryRun.contains("daily:2026-11-20: 1 papers; would queue 2 mails"), dryRun);
        String first = run("digest", "run", "--data", tmp.toString(), "--base-url", "https://papers.example.org");
        assertTrue(first.contains("2 mails queued") && first.contains("sent 2"), first);
        String again = run("digest", "run", "--date", "2026-11-20", "--data", tmp.toString());
        assertTrue(again.contains("0 mails queued") && again.contains("sent 0"), "nobody gets it twice: " + again);
        List<Path> files = Files.list(tmp.resolve("outbox")).filter(p -> p.toString().endsWith(".eml")).toList();
        assertEquals(2, files.stream().filter(p -> read(p).contains("Subject: Paperboy: Top papers")).count(),
                "the two confirmations were skipped (confirmed directly), the two digests written");
        assertTrue(read(files.get(0)).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        String status = run("digest", "status", "--data", tmp.toString());
        assertTrue(status.contains("daily:2026-11-20") && status.contains("sent=2"), status);
        assertTrue(status.matches("(?s).*confirmations: \\{[a-z]+=2}.*"), "the two confirmation mails, counted apart from the digest: " + status);
        Cli.Run bad = Cli.run("", "digest", "run", "--date", "20-11-2026", "--data", tmp.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("expected YYYY-MM-DD"), bad.err());
    }

    @Test
    void digestSendExitsOneWhileRowsAreStuckWithAnotherSender() {
        Settings settings = Settings.load(Map.of("data", tmp.toString(), "base-url", "https://papers.example.org"), Map.of());
        try (App app = new App(settings)) {
            app.subscriptions().subscribe("one@example.org", "daily", List.of());
            app.db().jdbi().useHandle(h -> h.execute("UPDATE outbox SET status = 'sending', claimed_by = 'node-gone', claimed_at = "
                    + System.currentTimeMillis()));
        }
        Cli.Run r = Cli.run("", "digest", "send", "--data", tmp.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 mails still claimed by another sender"), r.out());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard output and error together; a run must succeed. */
    private static String run(String... args) {
        Cli.Run r = Cli.run("", args);
        assertEquals(0, r.code(), r.err());
        return r.out() + r.err();
    }
}
