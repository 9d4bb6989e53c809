package org.paperboy.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperboy.notify.NotifyFixture.DAY;
import static org.paperboy.notify.NotifyFixture.paper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.TestDatabases;

/** Subscriptions, outbox and topic matching on SQLite and PostgreSQL. */
class NotifyStoreTest {
    @TempDir
    Path tmp;

    @Test
    void theSigningKeyIsReadWithoutWaitingForABusyWriter() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp); var writer = db.jdbi().open()) {
            String token = new LinkTokens(db).token(LinkTokens.Purpose.MANAGE, 7);
            writer.begin(); // serve in the middle of a write
            writer.execute("INSERT INTO counters (name, value) VALUES ('busy', 0)");
            long t0 = System.nanoTime();
            assertEquals(token, new LinkTokens(db).token(LinkTokens.Purpose.MANAGE, 7), "the same key, read back");
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "no wait for the writer's lock");
            writer.rollback();
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void repeatedSubscribeQueuesOneConfirmationPerWindow(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            NotifyFixture f = new NotifyFixture(db);
            assertEquals(Subscriptions.SubscribeOutcome.CONFIRMATION_QUEUED, f.subscriptions.subscribe(" Ada@Example.org ", "daily", List.of("cat:cs.CL")));
            assertEquals(Subscriptions.SubscribeOutcome.CONFIRMATION_SENT_RECENTLY, f.subscriptions.subscribe("ada@example.org", "weekly", List.of()));
            assertEquals(Subscriptions.SubscribeOutcome.CONFIRMATION_SENT_RECENTLY, f.subscriptions.subscribe("ADA@example.org", "daily", List.of()));
            assertEquals(1, f.count("SELECT COUNT(*) FROM outbox"), "one confirmation however often the form is sent");
            Subscription s = f.subs.findByEmail("ada@example.org").orElseThrow();
            assertEquals(SubscriptionStatus.PENDING, s.status());
            assertEquals(Frequency.DAILY, s.frequency(), "a repeat inside the window changes nothing");
            assertEquals(List.of("cat:cs.CL"), s.topics());

            f.clock.advance(Subscriptions.RESEND_WINDOW.plusMinutes(1));
            assertEquals(Subscriptions.SubscribeOutcome.CONFIRMATION_QUEUED, f.subscriptions.subscribe("ada@example.org", "weekly", List.of()));
            assertEquals(2, f.count("SELECT COUNT(*) FROM outbox"));
            assertFalse(f.count("SELECT COUNT(*) FROM subscriptions WHERE confirm_hash IS NOT NULL AND LENGTH(confirm_hash) = 64") == 0,
                    "only a hash of the token is stored");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void confirmationTokensAreSingleUseAndExpire(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            NotifyFixture f = new NotifyFixture(db);
            f.subscriptions.subscribe("bob@example.org", "daily", List.of());
            String token = queuedToken(f);
            assertEquals(Subscriptions.ConfirmOutcome.INVALID, f.subscriptions.confirm(token + "x"));
            assertEquals(Subscriptions.ConfirmOutcome.CONFIRMED, f.subscriptions.confirm(token));
            assertEquals(Subscriptions.ConfirmOutcome.INVALID, f.subscriptions.confirm(token), "a used token is refused");
            assertEquals(SubscriptionStatus.CONFIRMED, f.subs.findByEmail("bob@example.org").orElseThrow().status());
            assertEquals(Subscriptions.SubscribeOutcome.ALREADY_CONFIRMED, f.subscriptions.subscribe("bob@example.org", "daily", List.of()));

            f.subscriptions.subscribe("carol@example.org", "daily", List.of());
            String late = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT o.payload FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id WHERE s.email = 'carol@example.org'")
                    .mapTo(String.class).one());
            f.clock.advance(Subscriptions.CONFIRM_VALID.plusSeconds(1));
            assertEquals(Subscriptions.ConfirmOutcome.EXPIRED, f.subscriptions.confirm(late));
            assertEquals(SubscriptionStatus.PENDING, f.subs.findByEmail("carol@example.org").orElseThrow().status());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void composingTwiceQueuesOneRowPerSubscriberAndClaimsAreExclusive(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            NotifyFixture f = new NotifyFixture(db);
            f.addPapers(paper("2611.00001", "One", "Text.", DAY, List.of("A"), "cs.CL"),
                    paper("2611.00002", "Two", "Text.", DAY, List.of("B"), "cs.LG"));
            f.setUpvotes("2611.00002", 7);
            long a = f.confirmedSubscriber("a@example.org", Frequency.DAILY, List.of());
            f.confirmedSubscriber("b@example.org", Frequency.DAILY, List.of());
            f.confirmedSubscriber("w@example.org", Frequency.WEEKLY, List.of());
            f.subscriptions.subscribe("pending@example.org", "daily", List.of());

            DigestComposer.Result first = f.composer.compose(DigestPeriod.daily(DAY), false);
            assertEquals(2, first.queued(), "confirmed daily subscribers only");
            assertEquals(List.of("2611.00002", "2611.00001"), f.runs.findByKey("daily:" + DAY).orElseThrow().paperIds(), "by upvotes");
            f.confirmedSubscriber("late@example.org", Frequency.DAILY, List.of());
            assertEquals(1, f.composer.compose(DigestPeriod.daily(DAY), true).queued(), "dry run counts who has not had it");
            assertEquals(1, f.composer.compose(DigestPeriod.daily(DAY), false).queued(), "a rerun adds only the newcomer");
            assertEquals(0, f.composer.compose(DigestPeriod.daily(DAY), false).queued());
            assertEquals(3, f.count("SELECT COUNT(*) FROM outbox WHERE mail_key = 'daily:2026-11-23'"));
            assertTrue(f.composer.compose(DigestPeriod.daily(DAY.plusDays(1)), false).empty(), "no papers, no digest");

            long row = f.outbox.due(f.clock.millis(), 10).get(0);
            assertEquals(1, f.outbox.claimAll(List.of(row), "node-1", f.clock.millis()).size());
            assertEquals(List.of(), f.outbox.claimAll(List.of(row), "node-2", f.clock.millis()), "a claimed row cannot be claimed again");
            assertFalse(f.outbox.due(f.clock.millis(), 10).contains(row));
            assertEquals(0, f.outbox.releaseStale(f.clock.millis() - OutboxSender.CLAIM_LEASE.toMillis()));
            f.clock.advance(OutboxSender.CLAIM_LEASE.plus(Duration.ofSeconds(1)));
            assertEquals(1, f.outbox.releaseStale(f.clock.millis() - OutboxSender.CLAIM_LEASE.toMillis()), "a dead sender's claim expires");
            assertEquals(1, f.outbox.claimAll(List.of(row), "node-2", f.clock.millis()).size());
            assertTrue(a > 0);

            List<Long> due = f.outbox.due(f.clock.millis(), 10);
            assertEquals(3, due.size(), "the three digests; the confirmation was claimed above");
            List<OutboxRow> won = f.outbox.claimAll(due, "node-3", f.clock.millis());
            assertEquals(due, won.stream().map(OutboxRow::id).toList());
            assertTrue(won.stream().allMatch(r -> "daily:2026-11-23".equals(r.mailKey()) && r.subscriptionStatus() == SubscriptionStatus.CONFIRMED));
            assertEquals(List.of(), f.outbox.claimAll(due, "node-4", f.clock.millis()), "a second sender gets none of them");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void sqlTopicMatcherFindsCategoriesAuthorsPhrasesAndWords(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            NotifyFixture f = new NotifyFixture(db);
            Paper sink = paper("2611.00010", "Attention Sinks in Streaming LMs", "We study the ATTENTION SINK phenomenon.", DAY,
                    List.of("Guangxuan Xiao", "Song Han"), "cs.CL", "cs.LG");
            Paper vision = paper("2611.00011", "Vision transformers at 100% scale_up", "Patches and attention.", DAY,
                    List.of("Alexey Dosovitskiy"), "cs.CV");
            Paper old = paper("2611.00012", "Attention sink, revisited", "Older.", DAY.minusDays(7), List.of("Song Han"), "cs.CL");
            f.addPapers(sink, vision);
            f.addPapers(old);
            assertEquals(List.of("2611.00010"), ids(f.matcher.matching("cat:cs.CL", DAY, DAY, 10)));
            assertEquals(List.of("2611.00010"), ids(f.matcher.matching("cat:cs.lg", DAY, DAY, 10)));
            assertEquals(List.of("2611.00010"), ids(f.matcher.matching("\"attention sink\"", DAY, DAY, 10)));
            assertEquals(List.of("2611.00010", "2611.00012"), ids(f.matcher.matching("author:\"song han\"", DAY.minusDays(7), DAY, 10)));
            assertEquals(List.of("2611.00011"), ids(f.matcher.matching("author:dosovitskiy cat:cs.CV patches", DAY, DAY, 10)));
            assertEquals(List.of(), ids(f.matcher.matching("author:dosovitskiy cat:cs.CL", DAY, DAY, 10)), "all parts must match");
            assertEquals(2, f.matcher.matching("cat:cs.CV cat:cs.CL", DAY, DAY, 10).size(), "several categories are alternatives, as in search");
            assertEquals(List.of("2611.00011"), ids(f.matcher.matching("\"100% scale_up\"", DAY, DAY, 10)), "LIKE wildcards are literal");
            assertEquals(List.of(), ids(f.matcher.matching("\"100% scale up\"", DAY, DAY, 10)));
            assertEquals(2, f.matcher.matching("attention", DAY, DAY, 10).size());
            assertEquals(1, f.matcher.matching("attention", DAY, DAY, 1).size(), "limit");
            db.jdbi().useHandle(h -> h.execute("UPDATE papers SET hidden = 1 WHERE arxiv_id = '2611.00011'"));
            assertEquals(List.of("2611.00010"), ids(f.matcher.matching("attention", DAY, DAY, 10)), "a hidden paper is in no digest");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void hardBouncesDisableAnAddressAtTheLimit(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            NotifyFixture f = new NotifyFixture(db);
            long id = f.confirmedSubscriber("gone@example.org", Frequency.DAILY, List.of());
            f.subs.recordHardBounce(id, 2, f.clock.millis());
            assertEquals(SubscriptionStatus.CONFIRMED, f.subs.find(id).orElseThrow().status());
            f.subs.resetBounces(id);
            f.subs.recordHardBounce(id, 2, f.clock.millis());
            assertEquals(SubscriptionStatus.CONFIRMED, f.subs.find(id).orElseThrow().status(), "a delivery in between resets the count");
            f.subs.recordHardBounce(id, 2, f.clock.millis());
            assertEquals(SubscriptionStatus.DISABLED, f.subs.find(id).orElseThrow().status());
        }
    }

    static String queuedToken(NotifyFixture f) {
        return f.db.jdbi().withHandle(h -> h.createQuery("SELECT payload FROM outbox WHERE payload IS NOT NULL ORDER BY id DESC")
                .mapTo(String.class).first());
    }

    private static List<String> ids(List<Paper> ps) {
        return ps.stream().map(p -> p.id().base()).toList();
    }
}
