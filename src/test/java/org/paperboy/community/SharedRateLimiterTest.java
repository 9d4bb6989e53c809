package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.Settings;
import org.paperboy.store.Database;
import org.paperboy.store.TestDatabases;

/** Two nodes (two pools on one embedded PostgreSQL, each with its own RateLimiter) draw from the same buckets. */
class SharedRateLimiterTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private Database nodeA;
    private Database nodeB;
    private RateLimiter a;
    private RateLimiter b;

    @BeforeEach
    void twoNodes() {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL, tmp);
        nodeA = Database.open(url, "postgres", "");
        nodeB = Database.open(url, "postgres", "");
        a = RateLimiter.shared(nodeA, clock, new RateLimiter());
        b = RateLimiter.shared(nodeB, clock, new RateLimiter());
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aTokenGivenBackOnOneNodeCanBeTakenOnTheOther() {
        for (int i = 0; i < 2; i++) assertEquals(0, a.acquire("submit", 2, MINUTE));
        assertTrue(b.acquire("submit", 2, MINUTE) > 0, "both tokens taken");
        a.refund("submit");
        assertEquals(0, b.acquire("submit", 2, MINUTE), "the duplicate submission's token is back for everyone");
        assertTrue(a.acquire("submit", 2, MINUTE) > 0, "and only that one");
    }

    @Test
    void twoNodesShareOneBucketAndItRefillsByTheClock() {
        for (int i = 0; i < 3; i++) assertEquals(0, a.acquire("k", 5, MINUTE));
        for (int i = 0; i < 2; i++) assertEquals(0, b.acquire("k", 5, MINUTE));
        assertEquals(12, a.acquire("k", 5, MINUTE), "the fifth token went on node B: one comes back every 12 s");
        assertEquals(12, b.acquire("k", 5, MINUTE));
        assertEquals(0, b.acquire("other", 5, MINUTE), "keys are independent");
        clock.advance(Duration.ofSeconds(6));
        assertEquals(6, b.acquire("k", 5, MINUTE), "half a token back: six more seconds");
        clock.advance(Duration.ofSeconds(6));
        assertEquals(0, a.acquire("k", 5, MINUTE));
        assertEquals(12, b.acquire("k", 5, MINUTE));
    }

    @Test
    void concurrentTakesFromBothNodesNeverHandOutMoreThanTheCapacity() throws Exception {
        int capacity = 40;
        AtomicInteger allowed = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimiter node = t % 2 == 0 ? a : b;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) if (node.acquire("hot", capacity, Duration.ofHours(1)) == 0) allowed.incrementAndGet();
                }));
            }
            for (Future<?> f : all) f.get();
        }
        assertEquals(capacity, allowed.get(), "200 takes from two nodes, 40 tokens");
    }

    @Test
    void aClientSpreadingVotesOverNodesIsRefusedAsIfItHitOne() {
        Settings.Community cs = Settings.defaults().community();
        RateLimits onA = new RateLimits(cs, a, clock);
        RateLimits onB = new RateLimits(cs, b, clock);
        User old = new User(7, "old", "o@example.org", false, 0L, null, clock.millis() - Duration.ofDays(30).toMillis(), false);
        for (int i = 0; i < cs.vote().count(); i++) (i % 2 == 0 ? onA : onB).vote("10.0.0." + (i % 3), old);
        assertThrows(RateLimitedException.class, () -> onA.vote("10.0.0.9", old));
        assertThrows(RateLimitedException.class, () -> onB.vote("10.0.0.9", old));
        for (int i = 0; i < cs.login().count(); i++) (i % 2 == 0 ? onA : onB).login("10.1.0.1", "ada");
        assertThrows(RateLimitedException.class, () -> onB.login("10.1.0.1", "ada"), "log-in attempts per name and address count on both nodes");
    }

    @Test
    void sweepingDropsFullBucketsAndKeepsDrainedOnes() {
        for (int i = 0; i < 2; i++) a.acquire("drained", 2, Duration.ofHours(1));
        a.acquire("idle", 100, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));
        new DatabaseBuckets(nodeB, clock).sweep(clock.millis());
        assertEquals(List.of("drained"), nodeA.jdbi().withHandle(h -> h.createQuery("SELECT bucket_key FROM rate_buckets")
                .mapTo(String.class).list()));
        assertEquals(1798, b.acquire("drained", 2, Duration.ofHours(1)), "still empty after the sweep (a reset bucket would allow it)");
    }

    @Test
    void sqliteKeepsTheBucketsInMemory() {
        try (Database sqlite = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            RateLimiter local = new RateLimiter();
            assertSame(local, RateLimiter.shared(sqlite, clock, local));
        }
    }
}
