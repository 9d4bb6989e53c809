package org.paperboy.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;

import java.time.Duration;
import java.time.Instant;


import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.community.Community;
import org.paperboy.community.PaperFetcher;
import org.paperboy.community.PasswordHasher;
import org.paperboy.config.Settings;
import org.paperboy.mail.EmlDirectoryTransport;
import org.paperboy.store.Database;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.paperboy.notify.MutableClock;
import org.paperboy.store.TestDatabases;

/** Two nodes (two pools on one embedded PostgreSQL) share the jobs: each period's run happens on one of them. */
class ClusterJobsTest {
    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));

    private TrendingJob trendingOn(Database db, Settings settings) {
        Community c = new Community(settings, db, new PaperRepository(db), clock, new EmlDirectoryTransport(tmp.resolve("outbox"), "p@example.org"),
                PaperFetcher.NONE, PasswordHasher.Params.FAST_FOR_TESTS);
        return new TrendingJob(c.trending(), c.accounts(), Duration.ofMinutes(10), new Lease(new JobStateRepository(db, clock), clock));
    }

    @Test
    void trendingRunsOncePerIntervalAcrossTwoNodes() {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL, tmp);
        Settings settings = Settings.load(Map.of("data", tmp.toString()), Map.of());
        try (Database a = Database.open(url, "postgres", ""); Database b = Database.open(url, "postgres", "")) {
            TrendingJob onA = trendingOn(a, settings);
            TrendingJob onB = trendingOn(b, settings);
            int runs = 0;
            // both nodes look every 30 s for an hour: six intervals, six runs, never both in one interval
            for (int tick = 0; tick < 120; tick++) {
                boolean ranA = onA.tick();
                boolean ranB = onB.tick();
                assertFalse(ranA && ranB, "both nodes ran at " + clock.instant());
                if (ranA || ranB) runs++;
                clock.advance(Duration.ofSeconds(30));
            }
            assertEquals(6, runs);
        }
    }

    @Test
    void aLeaseIsOneNodesUntilReleasedOrRunOut() {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL, tmp);
        try (Database a = Database.open(url, "postgres", ""); Database b = Database.open(url, "postgres", "")) {
            Lease onA = new Lease(new JobStateRepository(a, clock), clock);
            Lease onB = new Lease(new JobStateRepository(b, clock), clock);
            Optional<Instant> held = onA.tryTake("digest-lease", Duration.ofMinutes(10));
            assertTrue(held.isPresent());
            assertTrue(onB.tryTake("digest-lease", Duration.ofMinutes(10)).isEmpty(), "held by A");
            onA.release("digest-lease", held.get());
            clock.advance(Duration.ofSeconds(1)); // (a lease is told apart by its end: two takes in one millisecond would look alike)
            Optional<Instant> heldByB = onB.tryTake("digest-lease", Duration.ofMinutes(10));
            assertTrue(heldByB.isPresent(), "released");
            onA.release("digest-lease", held.get()); // A's old lease: releasing it must not free B's
            assertTrue(onA.tryTake("digest-lease", Duration.ofMinutes(10)).isEmpty(), "still B's");
            clock.advance(Duration.ofMinutes(10)); // B died holding it
            assertTrue(onA.tryTake("digest-lease", Duration.ofMinutes(10)).isPresent(), "run out: free again");
        }
    }
}
