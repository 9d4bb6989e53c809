package org.paperboy.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.enrich.GitHubClient;
import org.paperboy.enrich.GitHubReplay;
import org.paperboy.enrich.GitHubStars;
import org.paperboy.enrich.StarsRepository;
import org.paperboy.notify.MutableClock;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.Database;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

/** The stars job: the last week's GitHub links, once an hour across two nodes, held back by GitHub's limit. */
class StarsJobTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    @TempDir
    Path tmp;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    final GitHubReplay github = new GitHubReplay();

    @AfterEach
    void stop() {
        github.close();
    }

    static Paper paper(String id, LocalDate day, String... links) {
        List<CodeLink> code = Arrays.stream(links).map(u -> new CodeLink(u.contains("github") ? CodeLink.Kind.GITHUB : CodeLink.Kind.PROJECT_PAGE, u)).toList();
        return new Paper(ArxivId.of(id).withVersion(1), "Paper " + id, List.of(Author.named("Ada Lovelace")), "Abstract.", "cs.LG",
                List.of("cs.LG"), null, null, null, null, day.minusDays(2), null, List.of(new PaperVersion(1, day.minusDays(2), "1kb")),
                day, code, 0, 0);
    }

    StarsJob job(Database db) {
        GitHubStars stars = new GitHubStars(new GitHubClient(github.base(), "", clock), new StarsRepository(db), d -> {}, clock);
        return new StarsJob(stars, new PaperRepository(db), new Lease(new JobStateRepository(db, clock), clock));
    }

    @Test
    void aPassAsksForTheLastWeeksGitHubLinksOnceAnHourOnOneOfTwoNodes() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            new PaperRepository(db).upsert(List.of(paper("2612.00001", DAY, "https://github.com/a/new", "https://example.org/project")),
                    DAY, (old, incoming) -> incoming);
            new PaperRepository(db).upsert(List.of(paper("2612.00002", DAY.minusDays(6), "https://github.com/a/week")), DAY.minusDays(6), (old, incoming) -> incoming);
            new PaperRepository(db).upsert(List.of(paper("2612.00003", DAY.minusDays(7), "https://github.com/a/old")), DAY.minusDays(7), (old, incoming) -> incoming);
            github.answer("a/new", GitHubReplay.repo("a/new", 10));
            github.answer("a/week", GitHubReplay.repo("a/week", 20));
            StarsJob nodeA = job(db);
            StarsJob nodeB = job(db);

            int runs = 0;
            for (int minute = 0; minute < 180; minute++) {
                boolean a = nodeA.tick();
                boolean b = nodeB.tick();
                assertFalse(a && b, "both nodes ran at " + clock.instant());
                if (a || b) runs++;
                clock.advance(Duration.ofMinutes(1));
            }
            assertEquals(3, runs, "once an hour");
            assertEquals(List.of("/repos/a/new", "/repos/a/week"), github.paths(), "a day's cache: each asked once; last week only");
            assertEquals(20, new StarsRepository(db).all().get("a/week").stars());
        }
    }

    @Test
    void aRateLimitHoldsTheLeaseUntilItsEnd() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            new PaperRepository(db).upsert(List.of(paper("2612.00001", DAY, "https://github.com/a/one", "https://github.com/a/two")),
                    DAY, (old, incoming) -> incoming);
            Instant reset = clock.instant().plus(Duration.ofHours(3));
            github.answer("a/one", GitHubReplay.rateLimited(403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset.getEpochSecond()))));
            assertTrue(job(db).tick());
            StarsJob other = job(db);
            clock.advance(Duration.ofMinutes(61));
            assertFalse(other.tick(), "another node waits for the reset, though the hour is over");
            clock.advance(Duration.ofMinutes(120));
            github.answer("a/one", GitHubReplay.repo("a/one", 1));
            github.answer("a/two", GitHubReplay.repo("a/two", 2));
            assertTrue(other.tick());
            assertEquals(List.of("/repos/a/one", "/repos/a/one", "/repos/a/two"), github.paths());
        }
    }

    @Test
    void anEmptyCatalogAsksNothing() throws Exception {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            assertEquals(new GitHubStars.Pass(0, 0, 0, 0, null), job(db).passOnce());
            assertTrue(github.requests.isEmpty());
        }
    }
}
