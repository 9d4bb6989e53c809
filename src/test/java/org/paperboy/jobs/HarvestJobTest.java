package org.paperboy.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.ingest.CategoryHarvest;
import org.paperboy.ingest.OaiHarvester;
import org.paperboy.ingest.PoliteHttp;
import org.paperboy.ingest.VersionMerger;
import org.paperboy.store.Database;
import org.paperboy.store.JobState;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class HarvestJobTest {

    @TempDir
    Path tmp;

    @Test
    void anUnreachableArxivIsRecordedAndRetriedLaterWithoutBlockingStartUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Clock clock = Clock.systemUTC();
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            JobStateRepository jobs = new JobStateRepository(db, clock);
            PoliteHttp http = new PoliteHttp(new PoliteHttp.Policy(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(2), 1,
                    Duration.ofMillis(10), Duration.ofSeconds(1)), PoliteHttp.Sleeper.REAL, clock);
            CategoryHarvest harvest = new CategoryHarvest(new OaiHarvester(http, new PaperRepository(db), jobs, new VersionMerger(), clock));
            Instant before = Instant.now();
            try (HarvestJob job = new HarvestJob(harvest, jobs, URI.create("http://127.0.0.1:" + port + "/oai"), List.of("cs.CL"),
                    Duration.ofHours(24), Duration.ZERO, Duration.ofMinutes(5), clock)) {
                long t = System.nanoTime();
                job.start();
                assertTrue(System.nanoTime() - t < 500_000_000L, "start() returns at once");
                JobState s = waitForAttempt(jobs);
                assertEquals(1, s.attempts());
                assertTrue(s.lastError().contains("127.0.0.1") && s.lastError().contains("unreachable"), s.lastError());
                assertNotNull(s.nextRun());
                Duration wait = Duration.between(before, s.nextRun());
                assertTrue(wait.compareTo(Duration.ofMinutes(4)) > 0 && wait.compareTo(Duration.ofMinutes(6)) < 0, "retry in about 5 minutes: " + wait);
            }
        }
    }

    @Test
    void twoNodesOnOneDatabaseHarvestOnce() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer arxiv = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        arxiv.createContext("/", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        arxiv.start();
        Clock clock = Clock.systemUTC();
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            JobStateRepository jobs = new JobStateRepository(db, clock);
            URI endpoint = URI.create("http://127.0.0.1:" + arxiv.getAddress().getPort() + "/oai");
            try (HarvestJob a = node(db, jobs, endpoint, clock); HarvestJob b = node(db, jobs, endpoint, clock)) {
                a.start();
                b.start();
                waitForAttempt(jobs);
                Thread.sleep(1000);
                assertEquals(1, jobs.load(HarvestJob.NAME).attempts(), "one node ran, the other waits for the retry");
                assertEquals(1, requests.get());
            }
        } finally {
            arxiv.stop(0);
        }
    }

    @Test
    void aNodeStoppedMidHarvestHandsTheRunBackAtOnce() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        HttpServer arxiv = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        arxiv.createContext("/", ex -> {
            asked.countDown();
            try {
                Thread.sleep(30_000); // a slow arXiv: the harvest is still running when the node stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        arxiv.setExecutor(Executors.newCachedThreadPool());
        arxiv.start();
        Clock clock = Clock.systemUTC();
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            JobStateRepository jobs = new JobStateRepository(db, clock);
            HarvestJob job = node(db, jobs, URI.create("http://127.0.0.1:" + arxiv.getAddress().getPort() + "/oai"), clock);
            job.start();
            assertTrue(asked.await(10, TimeUnit.SECONDS));
            assertTrue(jobs.load(HarvestJob.NAME).nextRun().isAfter(Instant.now().plus(Duration.ofMinutes(50))), "claimed for the lease");
            job.close();
            assertTrue(jobs.load(HarvestJob.NAME).nextRun().isBefore(Instant.now().plusSeconds(1)), "handed back: due now for the other nodes");
        } finally {
            arxiv.stop(0);
        }
    }

    @Test
    void aDatabaseErrorDuringAHarvestIsRecordedAndRetriedLikeANetworkError() throws Exception {
        byte[] page;
        try (var in = HarvestJobTest.class.getResourceAsStream("/ingest/harvest/page1.xml")) {
            page = in.readAllBytes();
        }
        HttpServer arxiv = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        arxiv.createContext("/", ex -> {
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        arxiv.start();
        Clock clock = Clock.systemUTC();
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            JobStateRepository jobs = new JobStateRepository(db, clock);
            db.jdbi().useHandle(h -> h.execute("DROP TABLE paper_categories")); // every paper write now fails
            try (HarvestJob job = node(db, jobs, URI.create("http://127.0.0.1:" + arxiv.getAddress().getPort() + "/oai"), clock)) {
                job.start();
                JobState s = waitForAttempt(jobs);
                assertEquals(1, s.attempts());
                assertTrue(s.lastError().contains("paper_categories"), s.lastError());
                assertTrue(Duration.between(Instant.now(), s.nextRun()).compareTo(Duration.ofMinutes(4)) > 0, "retried later, like a network error");
            }
        } finally {
            arxiv.stop(0);
        }
    }

    private static HarvestJob node(Database db, JobStateRepository jobs, URI endpoint, Clock clock) {
        PoliteHttp http = new PoliteHttp(new PoliteHttp.Policy(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(2), 1,
                Duration.ofMillis(10), Duration.ofSeconds(1)), PoliteHttp.Sleeper.REAL, clock);
        CategoryHarvest harvest = new CategoryHarvest(new OaiHarvester(http, new PaperRepository(db), jobs, new VersionMerger(), clock));
        return new HarvestJob(harvest, jobs, endpoint, List.of("cs.CL"), Duration.ofHours(24), Duration.ZERO, Duration.ofMinutes(5), clock);
    }

    @Test
    void retriesBackOffUpToTheInterval() {
        HarvestJob job = new HarvestJob(null, null, URI.create("http://x"), List.of("cs.CL"), Duration.ofHours(1), Duration.ZERO,
                Duration.ofMinutes(5), Clock.systemUTC());
        assertEquals(Duration.ofMinutes(5), job.retryAfter(0));
        assertEquals(Duration.ofMinutes(20), job.retryAfter(2));
        assertEquals(Duration.ofHours(1), job.retryAfter(5));
    }

    private static JobState waitForAttempt(JobStateRepository jobs) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            JobState s = jobs.load(HarvestJob.NAME);
            if (s.attempts() > 0) return s;
            Thread.sleep(50);
        }
        throw new AssertionError("the job never recorded its failed attempt");
    }
}
