package org.paperboy.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.mail.Mail;
import org.paperboy.mail.MailTransport;
import org.paperboy.notify.DigestComposer;
import org.paperboy.notify.DigestMails;
import org.paperboy.notify.DigestRunRepository;
import org.paperboy.notify.LinkTokens;
import org.paperboy.notify.Links;
import org.paperboy.notify.MailRenderer;
import org.paperboy.notify.MutableClock;
import org.paperboy.notify.OutboxRepository;
import org.paperboy.notify.OutboxSender;
import org.paperboy.notify.SqlTopicMatcher;
import org.paperboy.notify.SubscriptionRepository;
import org.paperboy.notify.Subscriptions;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class DigestJobTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DigestSchedule EIGHT = new DigestSchedule(LocalTime.of(8, 0), DayOfWeek.MONDAY, BERLIN);

    @TempDir
    Path tmp;

    @Test
    void slotsFollowLocalTimeAcrossDaylightSavingChanges() {
        assertEquals(LocalDate.of(2026, 11, 23), EIGHT.latestSlot(Instant.parse("2026-11-24T06:59:00Z")), "07:59 in Berlin: yesterday's slot");
        assertEquals(LocalDate.of(2026, 11, 24), EIGHT.latestSlot(Instant.parse("2026-11-24T07:00:00Z")), "08:00 in Berlin (UTC+1)");
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), EIGHT.slotInstant(LocalDate.of(2026, 3, 29)), "summer time: 08:00 is 06:00 UTC");
        assertEquals(Instant.parse("2026-03-28T07:00:00Z"), EIGHT.slotInstant(LocalDate.of(2026, 3, 28)));
        assertEquals(LocalDate.of(2026, 11, 23), EIGHT.latestWeeklySlot(LocalDate.of(2026, 11, 25)));
        assertEquals(LocalDate.of(2026, 11, 23), EIGHT.latestWeeklySlot(LocalDate.of(2026, 11, 23)));
        assertTrue(DigestSchedule.due(LocalDate.of(2026, 11, 24), null));
        assertFalse(DigestSchedule.due(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24)));
    }

    @Test
    void aSlotMissedWhileDownGoesOutOnceWhenTheServerReturns() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            // Monday 23 Nov 2026; the server was down at 08:00 and comes back at 10:30 local time
            MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:30:00Z"), BERLIN);
            PaperRepository papers = new PaperRepository(db);
            papers.upsert(List.of(paper("2611.00001", LocalDate.of(2026, 11, 20)), paper("2611.00002", LocalDate.of(2026, 11, 18))),
                    LocalDate.of(2026, 11, 20), (a, b) -> b);
            Parts p = new Parts(db, clock, papers);
            p.subscriptions.subscribe("daily@example.org", "daily", List.of());
            p.subscriptions.subscribe("weekly@example.org", "weekly", List.of());
            db.jdbi().useHandle(h -> h.execute("UPDATE subscriptions SET status = 'confirmed'"));

            List<DigestComposer.Result> first = p.job().tick();
            assertEquals(List.of("daily:2026-11-20", "weekly:2026-W47"), first.stream().map(r -> r.period().key()).toList(),
                    "the latest day's digest and last week's, on the weekly day");
            assertEquals(List.of(1, 1), first.stream().map(DigestComposer.Result::queued).toList());
            assertEquals(List.of(), p.job().tick(), "same slot again: nothing");
            assertEquals(List.of(), new Parts(db, clock, papers).job().tick(), "after a restart: nothing either");

            clock.set(Instant.parse("2026-11-24T06:59:00Z"));
            assertEquals(List.of(), p.job().tick(), "before Tuesday's slot");
            clock.set(Instant.parse("2026-11-24T07:01:00Z"));
            assertEquals(List.of(), p.job().tick(), "Tuesday's slot with no new papers sends nothing");
            papers.upsert(List.of(paper("2611.00003", LocalDate.of(2026, 11, 24))), LocalDate.of(2026, 11, 24), (a, b) -> b);
            clock.set(Instant.parse("2026-11-25T07:01:00Z"));
            List<DigestComposer.Result> wed = p.job().tick();
            assertEquals(List.of("daily:2026-11-24"), wed.stream().map(r -> r.period().key()).toList());
            int digests = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE mail_key NOT LIKE 'confirm:%'")
                    .mapTo(Integer.class).one());
            assertEquals(3, digests);
        }
    }

    @Test
    void staleCatalogsSendNoDailyDigest() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"), BERLIN);
            PaperRepository papers = new PaperRepository(db);
            papers.upsert(List.of(paper("2601.00001", LocalDate.of(2026, 1, 5))), LocalDate.of(2026, 1, 5), (a, b) -> b);
            assertEquals(List.of(), new Parts(db, clock, papers).job().tick(), "a catalog imported from January is not today's news");
        }
    }

    static Paper paper(String id, LocalDate day) {
        return new Paper(new ArxivId(id, 1), "Paper " + id, List.of(Author.named("A")), "Abstract.", "cs.CL", List.of("cs.CL"),
                null, null, null, null, day, null, List.of(), day, List.of(), 0, 0);
    }

    /** The notify objects the job needs, as App builds them. */
    static final class Parts {
        final Subscriptions subscriptions;
        private final DigestJob job;

        Parts(Database db, MutableClock clock, PaperRepository papers) {
            SubscriptionRepository subs = new SubscriptionRepository(db);
            OutboxRepository outbox = new OutboxRepository(db);
            DigestRunRepository runs = new DigestRunRepository(db);
            LinkTokens tokens = new LinkTokens(db);
            Links links = new Links("https://p.example", tokens, "p@p.example", "");
            subscriptions = new Subscriptions(subs, outbox, tokens, links, clock);
            DigestComposer composer = new DigestComposer(papers, subs, runs, outbox, links, clock);
            MailTransport none = new MailTransport() {
                @Override
                public void send(Mail mail) {
                    throw new AssertionError("the job only composes");
                }

                @Override
                public String describe() {
                    return "none";
                }
            };
            OutboxSender sender = new OutboxSender(outbox, subs, runs, new DigestMails(papers, new SqlTopicMatcher(db, papers), links),
                    new MailRenderer(), links, none, clock, 1, 3);
            sender.close();
            job = new DigestJob(EIGHT, papers, runs, composer, sender, new JobStateRepository(db, clock), clock);
        }

        DigestJob job() {
            return job;
        }
    }

}
