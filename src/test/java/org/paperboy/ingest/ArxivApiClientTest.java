package org.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class ArxivApiClientTest {

    @TempDir
    Path tmp;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T06:00:00Z"), ZoneOffset.UTC);
    static final String EMPTY_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
              <title>arXiv Query</title>
              <opensearch:totalResults>0</opensearch:totalResults>
            </feed>
            """;

    @Test
    void fetchesAListOfIdsReportingAddedUnchangedUpdatedAndUnknown() throws Exception {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp); ReplayServer server = new ReplayServer()) {
            PaperRepository repo = new PaperRepository(db);
            ReplayServer.RecordingSleeper sleeper = new ReplayServer.RecordingSleeper();
            ArxivApiClient api = new ArxivApiClient(new PoliteHttp(ReplayServer.fastPolicy(2), sleeper, Clock.systemUTC()),
                    server.uri("/api/query"), repo, new VersionMerger(), CLOCK);
            server.handler = q -> ReplayServer.Reply.ok(Collected.resource("atom-two-entries.xml"));
            List<ArxivId> ids = List.of(ArxivId.of("2611.30001"), ArxivId.of("https://arxiv.org/abs/2611.30002v1"), ArxivId.of("2611.39999"));

            List<ArxivApiClient.Fetched> first = api.fetch(ids, new ImportSummary());
            assertEquals(List.of("id_list=2611.30001,2611.30002v1,2611.39999&start=0&max_results=3"), server.queries);
            assertEquals(List.of(ArxivApiClient.Outcome.ADDED, ArxivApiClient.Outcome.ADDED, ArxivApiClient.Outcome.UNKNOWN),
                    first.stream().map(ArxivApiClient.Fetched::outcome).toList());
            Paper p = repo.find("2611.30001").orElseThrow();
            assertEquals("Grace Hopper", p.authors().get(0).name());
            assertEquals("Yale University", p.authors().get(0).affiliation());

            List<ArxivApiClient.Fetched> again = api.fetch(ids, new ImportSummary());
            assertEquals(List.of(ArxivApiClient.Outcome.UNCHANGED, ArxivApiClient.Outcome.UNCHANGED, ArxivApiClient.Outcome.UNKNOWN),
                    again.stream().map(ArxivApiClient.Fetched::outcome).toList());

            String v3 = new String(Collected.resource("atom-two-entries.xml"), StandardCharsets.UTF_8)
                    .replace("2611.30001v2", "2611.30001v3").replace("2026-11-25T17:59:58Z", "2026-11-26T01:00:00Z");
            server.handler = q -> ReplayServer.Reply.ok(v3.getBytes(StandardCharsets.UTF_8));
            List<ArxivApiClient.Fetched> updated = api.fetch(List.of(ArxivId.of("2611.30001")), new ImportSummary());
            assertEquals(ArxivApiClient.Outcome.UPDATED, updated.get(0).outcome());
            Paper after = repo.find("2611.30001").orElseThrow();
            assertEquals(3, after.id().version());
            assertEquals(LocalDate.of(2026, 11, 19), after.listingDate());
            assertEquals(List.of(1, 2, 3), after.versions().stream().map(PaperVersion::version).toList());

            ImportSummary twoIdsOnePaper = new ImportSummary();
            List<ArxivApiClient.Fetched> both = api.fetch(List.of(ArxivId.of("2611.30002"), ArxivId.of("2611.30002v1")), twoIdsOnePaper);
            assertEquals(List.of(ArxivApiClient.Outcome.UNCHANGED, ArxivApiClient.Outcome.UNCHANGED), both.stream().map(ArxivApiClient.Fetched::outcome).toList());
            assertEquals(1, twoIdsOnePaper.unchanged(), "two ids of one paper write it once");
        }
    }

    @Test
    void batchesLongIdListsAndReportsArxivErrorEntries() throws Exception {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp); ReplayServer server = new ReplayServer()) {
            PaperRepository repo = new PaperRepository(db);
            ArxivApiClient api = new ArxivApiClient(new PoliteHttp(ReplayServer.fastPolicy(2), new ReplayServer.RecordingSleeper(), Clock.systemUTC()),
                    server.uri("/api/query"), repo, new VersionMerger(), CLOCK);
            server.handler = q -> ReplayServer.Reply.ok(q.contains("2611.3000x") ? Collected.resource("atom-error.xml") : EMPTY_FEED.getBytes(StandardCharsets.UTF_8));
            List<ArxivId> many = new ArrayList<>();
            for (int i = 0; i < 150; i++) many.add(ArxivId.of(String.format("2611.%05d", i)));
            List<Integer> perRequest = new ArrayList<>();
            List<ArxivApiClient.Fetched> out = api.fetch(many, new ImportSummary(), batch -> perRequest.add(batch.size()));
            assertEquals(2, server.queries.size(), "150 ids are two requests of at most 100");
            assertEquals(List.of(100, 50), perRequest, "outcomes are handed over as each request answers");
            assertTrue(server.queries.get(0).endsWith("max_results=100") && server.queries.get(1).endsWith("max_results=50"), server.queries.toString());
            assertTrue(out.stream().allMatch(f -> f.outcome() == ArxivApiClient.Outcome.UNKNOWN));

            ImportSummary summary = new ImportSummary();
            // arXiv answers an id it cannot parse with an error entry (ArxivId accepts the form, arXiv does not)
            server.handler = q -> ReplayServer.Reply.ok(Collected.resource("atom-error.xml"));
            api.fetch(List.of(ArxivId.of("2611.30001")), summary);
            assertEquals(1, summary.rejected());
            assertEquals("incorrect id format for 2611.3000x", summary.firstRejections().get(0).detail());
        }
    }
}
