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
            Community c = new Community(settings, db, papers, clock, new org.paperboy.mail.EmlDirectoryTransport(tmp.resolve("outbox"), "p@example.org"), fetcher, PasswordHasher.Params.FAST_FOR_TESTS);
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
}
