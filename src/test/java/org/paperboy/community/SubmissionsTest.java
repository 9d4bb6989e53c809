package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.Settings;
import org.paperboy.mail.EmlDirectoryTransport;
import org.paperboy.paper.ArxivId;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

/** Submissions through the service, with a fetcher standing in for the arXiv API client. */
class SubmissionsTest {
    @TempDir
    Path tmp;

    @Test
    void unknownPapersAreFetchedMissingOnesReportedAndOutagesExplained() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
            List<ArxivId> asked = new ArrayList<>();
            PaperFetcher fetcher = id -> {
                asked.add(id);
                if (id.base().equals("2611.11111")) return Optional.of(Fixtures.paper("2611.11111", "Fetched paper", LocalDate.of(2026, 11, 20)));
                if (id.base().equals("2611.22222")) return Optional.empty();
                throw new PaperFetcher.Unavailable("connect timed out", null);
            };
            Settings settings = Settings.load(Map.of("data", tmp.toString(), "rate-limits", "off"), Map.of());
            Community c = new Community(settings, db, papers, clock, new EmlDirectoryTransport(tmp.resolve("outbox"), "p@example.org"), fetcher, PasswordHasher.Params.FAST_FOR_TESTS);
            User ada = c.accounts().createVerified("ada", "ada@example.org", "long enough password");

            Submissions.Outcome o = c.submissions().submit(ada, "https://arxiv.org/abs/2611.11111v2", "127.0.0.1");
            assertTrue(o.fetched());
            assertFalse(o.alreadySubmitted());
            assertEquals("Fetched paper", papers.find("2611.11111").orElseThrow().title());
            assertEquals(LocalDate.of(2026, 11, 27), o.submission().featuredDate(), "featured today");
            assertEquals(List.of(new ArxivId("2611.11111", 0)), asked, "asked for the paper, any version");

            var missing = assertThrows(CommunityException.class, () -> c.submissions().submit(ada, "2611.22222", "127.0.0.1"));
            assertEquals(CommunityException.Reason.NOT_FOUND, missing.reason());
            var down = assertThrows(CommunityException.class, () -> c.submissions().submit(ada, "2611.33333", "127.0.0.1"));
            assertEquals(CommunityException.Reason.UNAVAILABLE, down.reason());
            assertTrue(down.getMessage().contains("arXiv cannot be reached"));
            assertTrue(papers.find("2611.33333").isEmpty());
        }
    }

    @Test
    void duplicatesAndMissingPapersDoNotCountAgainstTheLimitAndItSaysMinutes() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
            papers.upsert(List.of(Fixtures.paper("2611.00001", "Known", LocalDate.of(2026, 11, 26)),
                    Fixtures.paper("2611.00002", "Known too", LocalDate.of(2026, 11, 26)),
                    Fixtures.paper("2611.00003", "Known three", LocalDate.of(2026, 11, 26))), LocalDate.of(2026, 11, 26), (a, b) -> b);
            PaperFetcher fetcher = id -> Optional.empty();
            Settings settings = Settings.load(Map.of("data", tmp.toString(), "limit-submit", "2/1h", "new-account-age", "0s"), Map.of());
            Community c = new Community(settings, db, papers, clock, new EmlDirectoryTransport(tmp.resolve("outbox"), "p@example.org"), fetcher, PasswordHasher.Params.FAST_FOR_TESTS);
            User ada = c.accounts().createVerified("ada", "ada@example.org", "long enough password");
            User bob = c.accounts().createVerified("bob", "bob@example.org", "long enough password");
            c.submissions().submit(bob, "2611.00001", "10.0.0.2");

            for (int i = 0; i < 5; i++) {
                var missing = assertThrows(CommunityException.class, () -> c.submissions().submit(ada, "2612.09998", "10.0.0.1"));
                assertEquals("arXiv has no paper 2612.09998.", missing.getMessage());
                assertTrue(c.submissions().submit(ada, "2611.00001", "10.0.0.1").alreadySubmitted());
            }
            assertFalse(c.submissions().submit(ada, "2611.00002", "10.0.0.1").alreadySubmitted(), "the limit is still whole");
            assertFalse(c.submissions().submit(ada, "2611.00003", "10.0.0.1").alreadySubmitted());
            var limited = assertThrows(RateLimitedException.class, () -> c.submissions().submit(ada, "2611.00001", "10.0.0.1"));
            assertTrue(limited.getMessage().matches("Too many submissions; try again in (29|30) minutes\\."), limited.getMessage());
        }
    }

    @Test
    void waitsReadAsPeopleSayThem() {
        assertEquals("1 second", RateLimitedException.human(1));
        assertEquals("45 seconds", RateLimitedException.human(45));
        assertEquals("1 minute", RateLimitedException.human(60));
        assertEquals("30 minutes", RateLimitedException.human(1794));
        assertEquals("2 hours", RateLimitedException.human(7200));
    }

    @Test
    void aSubmissionNeverReplacesTheNewestArxivDayAndItsDayIsReachable() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
            LocalDate newest = LocalDate.of(2026, 11, 26);
            papers.upsert(List.of(Fixtures.paper("2611.00001", "Listed", newest), Fixtures.paper("2611.00002", "Older", LocalDate.of(2026, 11, 20))),
                    newest, (a, b) -> b);
            PaperFetcher fetcher = id -> Optional.of(Fixtures.paper(id.base(), "Brand new", LocalDate.of(2026, 11, 28)));
            Settings settings = Settings.load(Map.of("data", tmp.toString(), "rate-limits", "off"), Map.of());
            Community c = new Community(settings, db, papers, clock, new EmlDirectoryTransport(tmp.resolve("outbox"), "p@example.org"), fetcher, PasswordHasher.Params.FAST_FOR_TESTS);
            User ada = c.accounts().createVerified("ada", "ada@example.org", "long enough password");

            c.submissions().submit(ada, "2611.09999", "10.0.0.1");
            assertEquals(newest, papers.find("2611.09999").orElseThrow().listingDate(), "listed on the newest arXiv day, not on a day of its own");
            assertEquals(Optional.of(newest), papers.latestDay(), "the front page stays the newest arXiv day");
            c.submissions().submit(ada, "2611.00002", "10.0.0.1");

            LocalDate today = LocalDate.of(2026, 11, 28);
            assertEquals(Optional.of(today), papers.dayAfter(newest, List.of()), "the next arrow reaches the day that holds only submissions");
            assertEquals(Optional.of(newest), papers.dayBefore(today, List.of()));
            Map<LocalDate, Integer> counts = papers.dayCounts(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
            assertEquals(Map.of(LocalDate.of(2026, 11, 20), 1, newest, 2, today, 2), counts, "the calendar counts submissions on their day");
        }
    }
}
