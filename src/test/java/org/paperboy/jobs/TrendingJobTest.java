package org.paperboy.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.community.Community;
import org.paperboy.community.PaperFetcher;
import org.paperboy.community.PasswordHasher;
import org.paperboy.community.User;
import org.paperboy.config.Settings;
import org.paperboy.mail.EmlDirectoryTransport;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Trending;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class TrendingJobTest {
    @TempDir
    Path tmp;

    private static Paper paper(String id, LocalDate day) {
        return new Paper(new ArxivId(id, 1), "T " + id, List.of(new Author("A", null)), "abs", "cs.LG", List.of("cs.LG"),
                null, null, null, null, day, null, List.of(), day, List.of(), 0, 0);
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aRunStoresTheScoreOfTheFormulaForEveryVotedPaper(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            LocalDate day = LocalDate.of(2026, 11, 26);
            Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC); // 24 h after the listing day began
            PaperRepository papers = new PaperRepository(db);
            papers.upsert(List.of(paper("2611.00001", day), paper("2611.00002", day)), day, (a, b) -> b);
            Settings settings = Settings.load(Map.of("data", tmp.toString(), "rate-limits", "off"), Map.of());
            Community c = new Community(settings, db, papers, clock, new EmlDirectoryTransport(tmp.resolve("outbox"), "p@example.org"),
                    PaperFetcher.NONE, PasswordHasher.Params.FAST_FOR_TESTS);
            for (int i = 0; i < 3; i++) {
                User u = c.accounts().createVerified("user" + i, "u" + i + "@example.org", "long enough password");
                c.votes().vote(u, "2611.00002", true, "10.0.0." + i);
            }
            new TrendingJob(c.trending(), c.accounts(), Duration.ofMinutes(10)).runOnce();
            double stored = db.jdbi().withHandle(h -> h.createQuery("SELECT trending_score FROM papers WHERE arxiv_id = '2611.00002'")
                    .mapTo(Double.class).one());
            assertEquals(Trending.score(3, Duration.ofHours(24)), stored, 1e-12);
            assertEquals(0.0, db.jdbi().withHandle(h -> h.createQuery("SELECT trending_score FROM papers WHERE arxiv_id = '2611.00001'")
                    .mapTo(Double.class).one()));
        }
    }
}
