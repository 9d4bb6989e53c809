package org.paperboy.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperboy.notify.NotifyFixture.DAY;
import static org.paperboy.notify.NotifyFixture.paper;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.mail.Mail;
import org.paperboy.mail.MailDeliveryException;
import org.paperboy.mail.MailSettings;
import org.paperboy.mail.MailTransport;
import org.paperboy.mail.SmtpTransport;
import org.paperboy.store.Database;
import org.paperboy.store.TestDatabases;

/** The outbox sender against a real SMTP server (GreenMail): outages, crashes, bounces. */
class DeliveryTest {
    @TempDir
    Path tmp;

    private Database db;
    private NotifyFixture f;
    private GreenMail smtp;

    @BeforeEach
    void setUp() {
        open(TestDatabases.Kind.SQLITE);
    }

    /** Tests that run on both databases reopen on the kind they are given. */
    private void open(TestDatabases.Kind kind) {
        if (db != null) db.close();
        db = TestDatabases.open(kind, tmp);
        f = new NotifyFixture(db);
        f.addPapers(paper("2611.00001", "One", "First abstract.", DAY, List.of("Ada"), "cs.CL"),
                paper("2611.00002", "Two", "Second abstract.", DAY, List.of("Bob"), "cs.LG"));
    }

    @AfterEach
    void tearDown() {
        if (smtp != null) smtp.stop();
        db.close();
    }

    private GreenMail startSmtp(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private static SmtpTransport transportTo(int port) {
        return new SmtpTransport(new MailSettings("127.0.0.1", port, MailSettings.Security.NONE, "", "", NotifyFixture.FROM, Path.of("unused")));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Map<String, Long> receivedPerRecipient() throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).map(DeliveryTest::to)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void smtpDownThenUpDeliversOnceWithBackoff(TestDatabases.Kind kind) throws Exception {
        open(kind);
        int port = freePort();
        f.confirmedSubscriber("reader@example.org", Frequency.DAILY, List.of());
        f.composer.compose(DigestPeriod.daily(DAY), false);
        try (OutboxSender sender = f.sender(transportTo(port))) {
            assertEquals(new OutboxSender.Report(0, 1, 0, 0), sender.sendDue(), "connection refused is temporary");
            assertEquals(new OutboxSender.Report(0, 0, 0, 0), sender.sendDue(), "not due again before the backoff");
            f.clock.advance(OutboxSender.backoff(1));
            assertEquals(new OutboxSender.Report(0, 1, 0, 0), sender.sendDue());
            assertEquals(f.clock.millis() + OutboxSender.backoff(2).toMillis(),
                    (long) f.outbox.nextDue().orElseThrow(), "second retry waits twice as long");

            startSmtp(port);
            f.clock.advance(OutboxSender.backoff(2));
            assertEquals(new OutboxSender.Report(1, 0, 0, 0), sender.sendDue());
            assertEquals(new OutboxSender.Report(0, 0, 0, 0), sender.sendDue());
        }
        assertEquals(Map.of("reader@example.org", 1L), receivedPerRecipient());
        assertEquals(1, f.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND attempts = 3"));
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void crashMidBatchThenAFreshSenderDeliversEachMailExactlyOnce(TestDatabases.Kind kind) throws Exception {
        open(kind);
        startSmtp(freePort());
        int subscribers = 12;
        for (int i = 0; i < subscribers; i++) f.confirmedSubscriber("r" + i + "@example.org", Frequency.DAILY, List.of());
        f.composer.compose(DigestPeriod.daily(DAY), false);
        SmtpTransport real = transportTo(smtp.getSmtp().getPort());
        AtomicInteger delivered = new AtomicInteger();
        MailTransport diesAfterFive = new MailTransport() {
            @Override
            public void send(Mail mail) throws MailDeliveryException {
                if (delivered.incrementAndGet() > 5) throw new IllegalStateException("simulated crash: the process dies here");
                real.send(mail);
            }

            @Override
            public String describe() {
                return "dies after 5";
            }
        };
        try (OutboxSender crashing = f.sender(diesAfterFive)) {
            crashing.sendDue();
        }
        assertEquals(5, smtp.getReceivedMessages().length);
        assertTrue(f.count("SELECT COUNT(*) FROM outbox WHERE status = 'sending'") > 0, "rows held by the dead sender");

        // a new process: the dead sender's claims expire after the lease, then everything left goes out once
        NotifyFixture restarted = new NotifyFixture(db);
        restarted.clock.set(f.clock.instant().plus(OutboxSender.CLAIM_LEASE).plus(Duration.ofSeconds(1)));
        assertEquals(0, restarted.composer.compose(DigestPeriod.daily(DAY), false).queued(), "recomposing adds nothing");
        try (OutboxSender fresh = restarted.sender(real)) {
            assertEquals(subscribers - 5, fresh.sendDue().sent());
            assertEquals(0, fresh.sendDue().total());
        }
        Map<String, Long> got = receivedPerRecipient();
        assertEquals(subscribers, got.size());
        assertTrue(got.values().stream().allMatch(n -> n == 1), "exactly once each: " + got);
    }

    @Test
    void aPassLongerThanTheLeaseDeliversTheRowsOfASenderThatDiedMeanwhile() {
        for (int i = 0; i < 3; i++) f.confirmedSubscriber("l" + i + "@example.org", Frequency.DAILY, List.of());
        f.composer.compose(DigestPeriod.daily(DAY), false);
        long dead = f.outbox.due(f.clock.millis(), 10).get(0);
        f.outbox.claimAll(List.of(dead), "node-dead", f.clock.millis());
        List<String> sent = new CopyOnWriteArrayList<>();
        MailTransport slow = new MailTransport() { // each mail takes six minutes: the dead claim expires mid-pass
            @Override
            public void send(Mail mail) {
                f.clock.advance(Duration.ofMinutes(6));
                sent.add(mail.to());
            }

            @Override
            public String describe() {
                return "slow";
            }
        };
        try (OutboxSender sender = f.sender(slow)) {
            assertEquals(3, sender.sendDue().sent(), "the dead sender's row is requeued and sent in the same pass");
            assertEquals(0, sender.stillClaimed().rows());
        }
        assertEquals(3, sent.size());
        assertEquals(3, sent.stream().distinct().count(), "nobody twice: " + sent);
    }

    @Test
    void rowsHeldByAnotherSenderAreReportedAsStillClaimed() {
        f.confirmedSubscriber("held@example.org", Frequency.DAILY, List.of());
        f.composer.compose(DigestPeriod.daily(DAY), false);
        long id = f.outbox.due(f.clock.millis(), 10).get(0);
        f.outbox.claimAll(List.of(id), "node-other", f.clock.millis());
        try (OutboxSender sender = f.sender(transportTo(1))) {
            assertEquals(0, sender.sendDue().total(), "a live claim is not taken over");
            assertEquals(new OutboxRepository.Claimed(1, f.clock.millis()), sender.stillClaimed());
        }
    }

    @Test
    void crashBetweenComposeAndSendLosesNothing() throws Exception {
        startSmtp(freePort());
        for (int i = 0; i < 3; i++) f.confirmedSubscriber("c" + i + "@example.org", Frequency.DAILY, List.of());
        f.composer.compose(DigestPeriod.daily(DAY), false);
        // the process stops here; a new one composes again (the scheduler catching up) and sends
        NotifyFixture restarted = new NotifyFixture(db);
        assertEquals(0, restarted.composer.compose(DigestPeriod.daily(DAY), false).queued());
        try (OutboxSender sender = restarted.sender(transportTo(smtp.getSmtp().getPort()))) {
            assertEquals(3, sender.sendDue().sent());
        }
        assertEquals(Map.of("c0@example.org", 1L, "c1@example.org", 1L, "c2@example.org", 1L), receivedPerRecipient());
    }

    @Test
    void aMailThatKeepsFailingTemporarilyIsGivenUpAfterMaxAttempts() {
        f.confirmedSubscriber("slow@example.org", Frequency.DAILY, List.of());
        MailTransport busy = new MailTransport() {
            @Override
            public void send(Mail mail) throws MailDeliveryException {
                throw new MailDeliveryException(false, "451 4.3.0 try again later", null);
            }

            @Override
            public String describe() {
                return "busy";
            }
        };
        try (OutboxSender sender = f.sender(busy, 3)) {
            f.composer.compose(DigestPeriod.daily(DAY), false);
            for (int attempt = 1; attempt < OutboxSender.MAX_ATTEMPTS; attempt++) {
                assertEquals(new OutboxSender.Report(0, 1, 0, 0), sender.sendDue(), "attempt " + attempt + " is retried");
                f.clock.advance(OutboxSender.backoff(attempt));
            }
            assertEquals(new OutboxSender.Report(0, 0, 1, 0), sender.sendDue(), "the last attempt gives up");
            f.clock.advance(Duration.ofDays(2));
            assertEquals(0, sender.sendDue().total());
        }
        assertEquals(1, f.count("SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND attempts = " + OutboxSender.MAX_ATTEMPTS));
    }

    @Test
    void permanentFailuresAreNotRetriedAndDisableTheAddressAtTheLimit() {
        long id = f.confirmedSubscriber("nobody@example.org", Frequency.DAILY, List.of());
        MailTransport rejects = new MailTransport() {
            @Override
            public void send(Mail mail) throws MailDeliveryException {
                throw new MailDeliveryException(true, "550 5.1.1 no such user", null);
            }

            @Override
            public String describe() {
                return "rejects";
            }
        };
        try (OutboxSender sender = f.sender(rejects, 2)) {
            f.composer.compose(DigestPeriod.daily(DAY), false);
            assertEquals(new OutboxSender.Report(0, 0, 1, 0), sender.sendDue());
            f.clock.advance(Duration.ofDays(1));
            assertEquals(0, sender.sendDue().total(), "a permanent failure is not retried");
            assertEquals(SubscriptionStatus.CONFIRMED, f.subs.find(id).orElseThrow().status());

            f.addPapers(paper("2611.00003", "Three", "Third.", DAY.plusDays(1), List.of("Cy"), "cs.CL"));
            f.composer.compose(DigestPeriod.daily(DAY.plusDays(1)), false);
            assertEquals(new OutboxSender.Report(0, 0, 1, 0), sender.sendDue());
            assertEquals(SubscriptionStatus.DISABLED, f.subs.find(id).orElseThrow().status(), "second hard bounce reaches the limit");

            f.addPapers(paper("2611.00004", "Four", "Fourth.", DAY.plusDays(2), List.of("Di"), "cs.CL"));
            assertEquals(0, f.composer.compose(DigestPeriod.daily(DAY.plusDays(2)), false).queued(), "a disabled address gets nothing");
        }
        assertEquals(2, f.count("SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND last_error LIKE '%550%'"));
    }

    @Test
    void aBatchSlowedDownHandsBackItsUnsentRowsBeforeTheirClaimCouldExpire() {
        for (int i = 0; i < 3; i++) f.confirmedSubscriber("slow" + i + "@example.org", Frequency.DAILY, List.of());
        f.composer.compose(DigestPeriod.daily(DAY), false);
        List<String> delivered = new CopyOnWriteArrayList<>();
        MailTransport sixMinutesPerMail = new MailTransport() {
            @Override
            public void send(Mail mail) {
                f.clock.advance(Duration.ofMinutes(6));
                delivered.add(mail.to());
            }

            @Override
            public String describe() {
                return "slow";
            }
        };
        try (OutboxSender sender = f.sender(sixMinutesPerMail)) {
            assertEquals(3, sender.sendDue().sent(), "each batch sends one and hands the rest back, within one pass");
        }
        assertEquals(List.of("slow0@example.org", "slow1@example.org", "slow2@example.org"), delivered.stream().sorted().toList());
        assertEquals(3, f.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND attempts = 1"));
    }

    @Test
    void backoffDoublesFromAMinuteUpToSixHours() {
        assertEquals(Duration.ofMinutes(1), OutboxSender.backoff(1));
        assertEquals(Duration.ofMinutes(2), OutboxSender.backoff(2));
        assertEquals(Duration.ofMinutes(16), OutboxSender.backoff(5));
        assertEquals(Duration.ofHours(6), OutboxSender.backoff(10));
        assertEquals(Duration.ofHours(6), OutboxSender.backoff(500));
    }

    @Test
    void rowsOfSubscribersWhoLeftAfterComposeAreSkipped() throws Exception {
        startSmtp(freePort());
        long stays = f.confirmedSubscriber("stays@example.org", Frequency.DAILY, List.of());
        long leaves = f.confirmedSubscriber("leaves@example.org", Frequency.DAILY, List.of());
        f.composer.compose(DigestPeriod.daily(DAY), false);
        f.subs.unsubscribe(leaves, f.clock.millis());
        try (OutboxSender sender = f.sender(transportTo(smtp.getSmtp().getPort()))) {
            assertEquals(new OutboxSender.Report(1, 0, 0, 1), sender.sendDue());
        }
        assertEquals(Map.of("stays@example.org", 1L), receivedPerRecipient());
        assertTrue(stays > 0);
    }
}
