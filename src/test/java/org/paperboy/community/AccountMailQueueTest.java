package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.Settings;
import org.paperboy.mail.MailSettings;
import org.paperboy.notify.MailQueue;
import org.paperboy.notify.MailQueueSender;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

/** Account mails go through the mail queue: delivered once each by any node, and no request waits for SMTP. */
class AccountMailQueueTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String FROM = "Paperboy <papers@example.org>";

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));

    private Settings settings(int smtpPort) {
        return Settings.load(Map.of("data", tmp.toString(), "smtp-host", "127.0.0.1", "smtp-port", String.valueOf(smtpPort),
                "smtp-security", "none", "mail-from", FROM, "base-url", "https://papers.example.org"), Map.of());
    }

    private Community community(Settings s, Database db, MailQueue queue) {
        return new Community(s, db, new PaperRepository(db), clock, queue, PaperFetcher.NONE, PasswordHasher.Params.FAST_FOR_TESTS);
    }

    @Test
    void twoNodesSendingTheSameQueueDeliverEachMailExactlyOnce() throws Exception {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL, tmp);
        Settings s = settings(smtp.getSmtp().getPort());
        try (Database nodeA = Database.open(url, "postgres", ""); Database nodeB = Database.open(url, "postgres", "")) {
            MailQueue queueA = new MailQueue(nodeA, clock, FROM);
            Community c = community(s, nodeA, queueA);
            Map<String, Integer> expected = new HashMap<>();
            for (int i = 0; i < 24; i++) {
                c.accounts().signUp("user" + i, "user" + i + "@example.org", "correct horse battery", "10.0.1." + i).orElseThrow();
                expected.merge("user" + i + "@example.org", 1, Integer::sum);
            }
            for (int i = 0; i < 8; i++) {
                c.accounts().requestReset("user" + i + "@example.org", "10.0.2." + i);
                expected.merge("user" + i + "@example.org", 1, Integer::sum);
            }
            assertEquals(0, smtp.getReceivedMessages().length, "nothing is sent inside the request");
            assertEquals(32, queueA.depth().waiting());

            List<MailQueueSender> senders = List.of(
                    new MailQueueSender(queueA, MailSettings.from(s).transport(), clock),
                    new MailQueueSender(new MailQueue(nodeB, clock, FROM), MailSettings.from(s).transport(), clock),
                    new MailQueueSender(new MailQueue(nodeB, clock, FROM), MailSettings.from(s).transport(), clock));
            List<MailQueueSender.Report> reports = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (MailQueueSender sender : senders) running.add(CompletableFuture.runAsync(() -> reports.add(sender.sendDue())));
            for (CompletableFuture<Void> f : running) f.get(60, TimeUnit.SECONDS);

            assertEquals(32, reports.stream().mapToInt(MailQueueSender.Report::sent).sum(), reports.toString());
            MimeMessage[] got = smtp.getReceivedMessages();
            assertEquals(32, got.length);
            Set<String> ids = new HashSet<>();
            Map<String, Integer> perRecipient = new HashMap<>();
            for (MimeMessage m : got) {
                ids.add(m.getMessageID());
                perRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
            assertEquals(32, ids.size(), "no message twice");
            assertEquals(expected, perRecipient);
            assertEquals(0, queueA.depth().waiting());
            assertEquals(List.of(), nodeB.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM mail_queue WHERE status <> 'sent' OR body_text IS NOT NULL").mapTo(Long.class).list()),
                    "every row sent, and its secret links no longer stored");
            assertEquals(0, senders.get(1).sendDue().sent(), "a later pass sends nothing again");
        }
    }

    @Test
    void aFailedSmtpServerFailsNoRequestAndTheMailGoesOutOnceItIsBack() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            MailQueue queue = new MailQueue(db, clock, FROM);
            Community c = community(settings(closedPort), db, queue);
            User ada = c.accounts().signUp("ada", "ada@example.org", "correct horse battery", "10.0.0.1").orElseThrow();
            assertTrue(c.accounts().resendVerification(ada, "10.0.0.1"), "queued, so the page says it is on its way");

            MailQueueSender down = new MailQueueSender(queue, MailSettings.from(settings(closedPort)).transport(), clock);
            assertEquals(new MailQueueSender.Report(0, 2, 0), down.sendDue());
            Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT status, attempts, last_error, next_attempt_at FROM mail_queue ORDER BY id LIMIT 1").mapToMap().one());
            assertEquals("queued", row.get("status"));
            assertEquals(1, ((Number) row.get("attempts")).intValue());
            assertNotNull(row.get("last_error"));
            assertEquals(clock.millis() + Duration.ofMinutes(1).toMillis(), ((Number) row.get("next_attempt_at")).longValue());

            MailQueueSender back = new MailQueueSender(queue, MailSettings.from(settings(smtp.getSmtp().getPort())).transport(), clock);
            assertEquals(0, back.sendDue().sent(), "not due before its retry time");
            clock.advance(Duration.ofMinutes(1));
            assertEquals(2, back.sendDue().sent());
            assertEquals(0, back.sendDue().sent());
            MimeMessage[] got = smtp.getReceivedMessages();
            assertEquals(2, got.length);
            assertTrue(got[0].getSubject().toLowerCase().contains("confirm") || got[0].getSubject().toLowerCase().contains("verif"), got[0].getSubject());
            assertNull(db.jdbi().withHandle(h -> h.createQuery("SELECT MAX(body_text) FROM mail_queue").mapTo(String.class).one()));
        }
    }

    @Test
    void aSmtpServerThatNeverAnswersDoesNotHoldUpTheSignUpPage() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) held.add(silent.accept()); // accepts and says nothing, as a hung server does
                } catch (IOException closed) {
                    held.forEach(sock -> {
                        try {
                            sock.close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    });
                }
            });
            try (TestServer server = new TestServer(tmp.resolve("data"), Map.of("smtp-host", "127.0.0.1",
                    "smtp-port", String.valueOf(silent.getLocalPort()), "smtp-security", "none"))) {
                var r = CompletableFuture.supplyAsync(() -> {
                    try {
                        return server.client().post("/signup", Map.of("username", "ada", "email", "ada@example.org", "password", "correct horse ada"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).get(10, TimeUnit.SECONDS); // SMTP's own timeout is 15 s: a page that waited for it would not be back yet
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(1, server.app.accountMail().depth().waiting(), "the mail waits in the queue");
                silent.close();
            }
            acceptor.join(5000);
        }
    }
}
