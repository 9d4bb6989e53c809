package org.paperboy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobStateRepositoryTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void ofTwoNodesThatSawTheSameDueRunOneClaimsIt(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            JobStateRepository jobs = new JobStateRepository(db, Clock.systemUTC());
            Instant lease = Instant.parse("2026-11-27T07:00:00.120Z");
            assertTrue(jobs.claim("job", null, lease), "the first claim of a job never run");
            assertFalse(jobs.claim("job", null, lease), "the other node saw no run either, and loses");
            assertEquals(lease, jobs.load("job").nextRun());

            jobs.save(jobs.load("job").succeeded(Instant.parse("2026-11-28T06:00:00Z")));
            Instant seen = jobs.load("job").nextRun();
            assertTrue(jobs.claim("job", seen, seen.plusSeconds(3600)));
            assertFalse(jobs.claim("job", seen, seen.plusSeconds(3600)), "the run moved: a stale view loses");
            assertEquals(seen.plusSeconds(3600), jobs.load("job").nextRun());

            // the node holding the lease died: once it has run out, another node reads it and takes the run
            Instant expiredLease = jobs.load("job").nextRun();
            assertTrue(jobs.claim("job", expiredLease, expiredLease.plusSeconds(3600)), "a lease nobody renewed is free again");
        }
    }
}
