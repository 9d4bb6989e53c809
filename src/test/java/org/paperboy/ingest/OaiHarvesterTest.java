package org.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class OaiHarvesterTest {

    @TempDir
    Path tmp;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T06:00:00Z"), ZoneOffset.UTC);
    static final List<String> WANTED = List.of("cs.AI", "cs.CL", "cs.CV", "cs.LG");
    static final List<String> KEPT = List.of("2611.20001", "2611.20003", "2611.20004", "2611.20005", "2611.20006", "2611.20007");
    static final Path PAPERHIVE = Path.of("../shared/data/arxiv-responses/oai_pmh_paperhive");

    record Rig(Database db, PaperRepository papers, JobStateRepository jobs, ReplayServer server,
               ReplayServer.RecordingSleeper sleeper) implements AutoCloseable {
        CategoryHarvest harvest(int attempts) {
            return harvest(ReplayServer.fastPolicy(attempts));
        }

        CategoryHarvest harvest(PoliteHttp.Policy policy) {
            PoliteHttp http = new PoliteHttp(policy, sleeper, Clock.systemUTC());
            return new CategoryHarvest(new OaiHarvester(http, papers, jobs, new VersionMerger(), CLOCK));
        }

        HarvestCursor cursor(String set) {
            return HarvestCursor.fromJson(jobs.load("harvest:" + set + ":arXiv").cursor());
        }

        @Override
        public void close() {
            server.close();
            db.close();
        }
    }

    Rig rig(TestDatabases.Kind kind) throws IOException {
        Database db = TestDatabases.open(kind, tmp);
        return new Rig(db, new PaperRepository(db), new JobStateRepository(db, CLOCK), new ReplayServer(), new ReplayServer.RecordingSleeper());
    }

    /** The three fixture pages chained by their tokens; the first request must ask for set cs from the given day. */
    static ReplayServer.Reply pages(String query) {
        if (query.contains("resumptionToken=8842001|1001")) return ReplayServer.Reply.ok(Collected.resource("harvest/page2.xml"));
        if (query.contains("resumptionToken=8842001|2001")) return ReplayServer.Reply.ok(Collected.resource("harvest/page3.xml"));
        if (query.contains("verb=ListRecords") && query.contains("metadataPrefix=arXiv") && query.contains("set=cs")) {
            return ReplayServer.Reply.ok(Collected.resource("harvest/page1.xml"));
        }
        return new ReplayServer.Reply(400, Map.of(), "unexpected request".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pagesThroughSeveralTokensKeepingTheWantedCategoriesPolitely() throws Exception {
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            r.server.handler = OaiHarvesterTest::pages;
            // a pause of an hour between requests, recorded rather than slept
            PoliteHttp.Policy hourly = new PoliteHttp.Policy(Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                    Duration.ofMillis(10), Duration.ofMinutes(10));
            List<OaiHarvester.Result> results = r.harvest(hourly).categories(r.server.uri("/oai"), WANTED, LocalDate.of(2026, 11, 20), null, "arXiv", OaiHarvester.Listener.NONE);
            assertEquals(1, results.size(), "four cs categories are one harvest of set cs");
            assertEquals(3, results.get(0).pages());
            assertEquals(List.of("verb=ListRecords&metadataPrefix=arXiv&set=cs&from=2026-11-20",
                    "verb=ListRecords&resumptionToken=8842001|1001", "verb=ListRecords&resumptionToken=8842001|2001"), r.server.queries);
            assertEquals(KEPT, List.copyOf(r.papers.findMany(allIds()).keySet()).stream().sorted().toList(), "cs.DM and cs.RO are left out");
            assertEquals(6, results.get(0).summary().inserted());
            assertEquals(LocalDate.of(2026, 11, 21), r.papers.find("2611.20004").orElseThrow().listingDate());
            HarvestCursor done = r.cursor("cs");
            assertFalse(done.pending());
            assertEquals(LocalDate.of(2026, 11, 23), done.lastDatestamp());
            assertEquals(3, done.pagesDone());
            assertEquals(2, r.sleeper.waits.size(), "a pause before each request but the first: " + r.sleeper.waits);
            assertTrue(r.sleeper.waits.stream().allMatch(w -> w.compareTo(Duration.ofMinutes(59)) > 0 && w.compareTo(Duration.ofHours(1)) <= 0), r.sleeper.waits.toString());

            r.server.handler = q -> ReplayServer.Reply.ok(Collected.resource("harvest/no-records-match.xml"));
            OaiHarvester.Result next = r.harvest(3).categories(r.server.uri("/oai"), WANTED, null, null, "arXiv", OaiHarvester.Listener.NONE).get(0);
            assertEquals("verb=ListRecords&metadataPrefix=arXiv&set=cs&from=2026-11-23", r.server.queries.get(3),
                    "the next harvest starts from the last datestamp harvested");
            assertEquals(0, next.pages(), "noRecordsMatch is nothing new, not an error");
            assertEquals(0, next.summary().papers());
        }
    }

    @Test
    void aFirstHarvestWithNoHistoryStartsAWeekBack() throws Exception {
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            r.server.handler = q -> ReplayServer.Reply.ok(Collected.resource("harvest/no-records-match.xml"));
            r.harvest(3).categories(r.server.uri("/oai"), WANTED, null, null, "arXiv", OaiHarvester.Listener.NONE);
            assertEquals("verb=ListRecords&metadataPrefix=arXiv&set=cs&from=" + LocalDate.now(CLOCK).minusDays(7), r.server.queries.get(0));
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aPaperArxivDeletesLeavesTheFeed(TestDatabases.Kind kind) throws Exception {
        try (Rig r = rig(kind)) {
            r.server.handler = OaiHarvesterTest::pages;
            r.harvest(3).categories(r.server.uri("/oai"), WANTED, LocalDate.of(2026, 11, 20), null, "arXiv", OaiHarvester.Listener.NONE);
            assertFalse(r.papers.isHidden("2611.20004"));
            long seq = r.papers.lastChangeSeq();

            r.server.handler = q -> ReplayServer.Reply.ok(Collected.resource("harvest/withdrawn.xml"));
            OaiHarvester.Result next = r.harvest(3).categories(r.server.uri("/oai"), WANTED, null, null, "arXiv", OaiHarvester.Listener.NONE).get(0);
            assertEquals(1, next.summary().inserted());
            assertEquals(1, next.summary().withdrawn(), "2611.99999 was never in the catalog");
            assertEquals(0, next.summary().rejected());
            assertTrue(r.papers.isHidden("2611.20004"));
            assertTrue(r.papers.changedSince(seq, 10).stream().anyMatch(c -> c.hidden() && c.paper().id().base().equals("2611.20004")),
                    "followers (the search index) see the withdrawal");
            assertTrue(next.summary().report(5).contains("1 withdrawn by arXiv"), next.summary().report(5));
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aHarvestKilledBetweenPagesResumesFromTheSavedTokenWithNoGapOrDuplicate(TestDatabases.Kind kind) throws Exception {
        try (Rig r = rig(kind)) {
            r.server.handler = q -> q.contains("8842001|2001") ? new ReplayServer.Reply(500, Map.of(), "Internal Server Error".getBytes(StandardCharsets.UTF_8)) : pages(q);
            HarvestException e = assertThrows(HarvestException.class, () -> r.harvest(2).categories(r.server.uri("/oai"), WANTED,
                    LocalDate.of(2026, 11, 20), null, "arXiv", OaiHarvester.Listener.NONE));
            assertEquals(HarvestException.Kind.SERVER, e.kind());
            HarvestCursor saved = r.cursor("cs");
            assertEquals("8842001|2001", saved.token());
            assertEquals(2, saved.pagesDone());
            long seqAfterCrash = r.papers.lastChangeSeq();
            assertEquals(5, r.papers.count(), "pages 1 and 2 are committed");

            r.server.queries.clear();
            r.server.handler = OaiHarvesterTest::pages;
            OaiHarvester.Result resumed = r.harvest(2).categories(r.server.uri("/oai"), WANTED, null, null, "arXiv", OaiHarvester.Listener.NONE).get(0);
            assertTrue(resumed.resumed());
            assertEquals(List.of("verb=ListRecords&resumptionToken=8842001|2001"), r.server.queries, "only the missing page is asked for");
            assertEquals(KEPT, r.papers.findMany(allIds()).keySet().stream().sorted().toList(), "no gap");
            assertEquals(6, r.papers.count(), "no duplicate");
            assertEquals(seqAfterCrash + 1, r.papers.lastChangeSeq(), "only the new paper was written");
            assertFalse(r.cursor("cs").pending());
        }
    }

    @Test
    void aCrashAfterAPageIsWrittenButBeforeItsCursorIsSavedRewritesNothing() throws Exception {
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            r.server.handler = q -> q.contains("8842001|2001") ? new ReplayServer.Reply(503, Map.of("Retry-After", "1"), new byte[0]) : pages(q);
            assertThrows(HarvestException.class, () -> r.harvest(1).categories(r.server.uri("/oai"), WANTED,
                    LocalDate.of(2026, 11, 20), null, "arXiv", OaiHarvester.Listener.NONE));
            // as if the process died after committing page 2 but before saving the cursor that follows it
            HarvestCursor afterPage2 = r.cursor("cs");
            HarvestCursor afterPage1 = new HarvestCursor("cs", "arXiv", afterPage2.from(), null, "8842001|1001", 1, LocalDate.of(2026, 11, 21), 2);
            r.jobs.save(r.jobs.load("harvest:cs:arXiv").withCursor(afterPage1.toJson()));
            long seq = r.papers.lastChangeSeq();

            r.server.queries.clear();
            r.server.handler = OaiHarvesterTest::pages;
            OaiHarvester.Result resumed = r.harvest(1).categories(r.server.uri("/oai"), WANTED, null, null, "arXiv", OaiHarvester.Listener.NONE).get(0);
            assertEquals(List.of("verb=ListRecords&resumptionToken=8842001|1001", "verb=ListRecords&resumptionToken=8842001|2001"), r.server.queries);
            assertEquals(3, resumed.summary().unchanged(), "page 2 again: its papers are already stored");
            assertEquals(1, resumed.summary().inserted());
            assertEquals(seq + 1, r.papers.lastChangeSeq());
            assertEquals(6, r.papers.count());
        }
    }

    @Test
    void honoursRetryAfterOnA503AsArxivSendsIt() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(PAPERHIVE), "shared arXiv responses not present at " + PAPERHIVE);
        byte[] busy = Files.readAllBytes(PAPERHIVE.resolve("oaipmh-listrecords---should-list-identifiers-from-arxiv__00_status503.html"));
        byte[] page = Files.readAllBytes(PAPERHIVE.resolve("oaipmh-listrecords---should-list-identifiers-from-arxiv__01_status200.xml"));
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            AtomicInteger calls = new AtomicInteger();
            r.server.handler = q -> calls.incrementAndGet() == 1
                    ? new ReplayServer.Reply(503, Map.of("Retry-After", "10", "Content-Type", "text/html"), busy)
                    : ReplayServer.Reply.ok(page);
            OaiHarvester.Result res = r.harvest(3).set(r.server.uri("/oai2"), null, LocalDate.of(2015, 1, 1), LocalDate.of(2015, 1, 3), "arXiv", OaiHarvester.Listener.NONE);
            assertEquals(2, calls.get());
            assertTrue(r.sleeper.waits.contains(Duration.ofSeconds(10)), "waited as Retry-After said: " + r.sleeper.waits);
            assertEquals(2, res.summary().inserted());
            Paper p = r.papers.find("1412.8544").orElseThrow();
            assertEquals("Radboud Universiteit", p.authors().get(0).affiliation());
            assertEquals(LocalDate.of(2015, 1, 3), p.listingDate());
            assertTrue(r.papers.find("hep-th/9504118").isPresent());
        }
    }

    @Test
    void retryAfterAsAnHttpDateAndBackoffOnOther5xx() throws Exception {
        assertEquals(Duration.ofSeconds(90), PoliteHttp.parseRetryAfter("Fri, 27 Nov 2026 10:01:30 GMT", Instant.parse("2026-11-27T10:00:00Z")).orElseThrow());
        assertEquals(Duration.ofSeconds(120), PoliteHttp.parseRetryAfter("120", Instant.now()).orElseThrow());
        assertTrue(PoliteHttp.parseRetryAfter("soon", Instant.now()).isEmpty());
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            AtomicInteger calls = new AtomicInteger();
            r.server.handler = q -> calls.incrementAndGet() <= 2 ? new ReplayServer.Reply(502, Map.of(), new byte[0]) : pages(q);
            r.harvest(4).categories(r.server.uri("/oai"), WANTED, LocalDate.of(2026, 11, 20), null, "arXiv", OaiHarvester.Listener.NONE);
            assertTrue(r.sleeper.waits.containsAll(List.of(Duration.ofMillis(10), Duration.ofMillis(20))), "exponential backoff: " + r.sleeper.waits);
            assertEquals(6, r.papers.count());
        }
    }

    @Test
    void aRecordWithAHugeVersionNumberIsOneRejectionAndTheCursorMovesOn() throws Exception {
        String page1 = new String(Collected.resource("harvest/page1.xml"), StandardCharsets.UTF_8)
                .replace("<id>2611.20001</id>", "<id>2611.20001v99999999999999</id>");
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            r.server.handler = q -> q.contains("set=cs") ? ReplayServer.Reply.ok(page1.getBytes(StandardCharsets.UTF_8)) : pages(q);
            List<OaiHarvester.Result> results = r.harvest(3).categories(r.server.uri("/oai"), WANTED, LocalDate.of(2026, 11, 20), null,
                    "arXiv", OaiHarvester.Listener.NONE);
            assertEquals(3, results.get(0).pages(), "the pages after the bad record are harvested");
            assertEquals(KEPT.subList(1, KEPT.size()), r.papers.findMany(allIds()).keySet().stream().sorted().toList());
            assertEquals(1, results.get(0).summary().rejected());
            String report = results.get(0).summary().report(5);
            assertTrue(report.contains("record 1") && report.contains("not an arXiv id"), report);
            assertFalse(r.cursor("cs").pending(), "the cursor is not stuck on the page");
        }
    }

    @Test
    void aMalformedPageIsAskedForAgainAndOneThatStaysBrokenStopsWithACleanError() throws Exception {
        String page2 = new String(Collected.resource("harvest/page2.xml"), StandardCharsets.UTF_8);
        byte[] cut = page2.substring(0, page2.indexOf("Page two, paper two")).getBytes(StandardCharsets.UTF_8);
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            AtomicInteger page2Calls = new AtomicInteger();
            r.server.handler = q -> q.contains("8842001|1001") && page2Calls.incrementAndGet() == 1 ? ReplayServer.Reply.ok(cut) : pages(q);
            r.harvest(3).categories(r.server.uri("/oai"), WANTED, LocalDate.of(2026, 11, 20), null, "arXiv", OaiHarvester.Listener.NONE);
            assertEquals(2, page2Calls.get());
            assertEquals(KEPT, r.papers.findMany(allIds()).keySet().stream().sorted().toList());
        }
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            r.server.handler = q -> q.contains("8842001|1001") ? ReplayServer.Reply.ok(cut) : pages(q);
            HarvestException e = assertThrows(HarvestException.class, () -> r.harvest(3).categories(r.server.uri("/oai"), WANTED,
                    LocalDate.of(2026, 11, 20), null, "arXiv", OaiHarvester.Listener.NONE));
            assertEquals(HarvestException.Kind.PROTOCOL, e.kind());
            assertTrue(e.getMessage().contains("page 2") && e.getMessage().contains("broken"), e.getMessage());
            assertEquals("8842001|1001", r.cursor("cs").token(), "the cursor still points at the broken page");
        }
    }

    @Test
    void oaiErrorsStopWithTheirCodeExceptAnExpiredTokenWhichListsAgain() throws Exception {
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            r.server.handler = q -> ReplayServer.Reply.ok(Collected.resource("harvest/bad-argument.xml"));
            HarvestException e = assertThrows(HarvestException.class, () -> r.harvest(3).categories(r.server.uri("/oai"), WANTED,
                    LocalDate.of(2026, 11, 20), null, "arXiv", OaiHarvester.Listener.NONE));
            assertEquals(HarvestException.Kind.PROTOCOL, e.kind());
            assertTrue(e.getMessage().contains("badArgument") && e.getMessage().contains("tomorrow"), e.getMessage());

            // a pending token that arXiv has forgotten: the listing starts again from the saved day
            r.server.handler = q -> q.contains("8842001|2001") ? new ReplayServer.Reply(500, Map.of(), new byte[0]) : pages(q);
            assertThrows(HarvestException.class, () -> r.harvest(1).categories(r.server.uri("/oai"), WANTED,
                    LocalDate.of(2026, 11, 20), null, "arXiv", OaiHarvester.Listener.NONE));
            r.server.queries.clear();
            AtomicInteger calls = new AtomicInteger();
            r.server.handler = q -> calls.incrementAndGet() == 1 ? ReplayServer.Reply.ok(Collected.resource("harvest/bad-resumption-token.xml")) : pages(q);
            r.harvest(1).categories(r.server.uri("/oai"), WANTED, null, null, "arXiv", OaiHarvester.Listener.NONE);
            assertEquals("verb=ListRecords&metadataPrefix=arXiv&set=cs&from=2026-11-20", r.server.queries.get(1));
            assertEquals(6, r.papers.count());
            assertNull(r.cursor("cs").token());
        }
    }

    @Test
    void anUnreachableEndpointIsOneClearError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Rig r = rig(TestDatabases.Kind.SQLITE)) {
            HarvestException e = assertThrows(HarvestException.class, () -> r.harvest(2).categories(URI.create("http://127.0.0.1:" + port + "/oai"),
                    WANTED, null, null, "arXiv", OaiHarvester.Listener.NONE));
            assertEquals(HarvestException.Kind.UNREACHABLE, e.kind());
            assertTrue(e.getMessage().contains("127.0.0.1") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void categoriesMapToArchiveSets() {
        assertEquals(Map.of("cs", List.of("cs.AI", "cs.LG"), "physics:hep-th", List.of("hep-th"), "stat", List.of("stat.ML"),
                "physics:astro-ph", List.of("astro-ph.GA")), ArxivSets.forCategories(List.of("cs.AI", "hep-th", "cs.LG", "stat.ML", "astro-ph.GA")));
    }

    static List<String> allIds() {
        return List.of("2611.20001", "2611.20002", "2611.20003", "2611.20004", "2611.20005", "2611.20006", "2611.20007", "2611.20008");
    }
}
