package org.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class ImportServiceTest {

    @TempDir
    Path tmp;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    static Input input(String name, byte[] bytes) throws IOException {
        return Input.of(name, new ByteArrayInputStream(bytes));
    }

    static ImportSummary importBytes(ImportService service, String name, byte[] bytes) throws IOException {
        return service.importAll(List.of(input(name, bytes)), ImportService.Progress.NONE);
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aFileThatHoldsAPaperAndItsDeletionLeavesItHidden(TestDatabases.Kind kind) throws IOException {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            ImportService service = new ImportService(repo, new VersionMerger(), CLOCK, 2);
            String page = new String(Collected.resource("harvest/withdrawn.xml"), StandardCharsets.UTF_8)
                    .replace("2611.20004", "2611.30001");
            ImportSummary s = importBytes(service, "oai.xml", page.getBytes(StandardCharsets.UTF_8));
            assertEquals(1, s.inserted());
            assertEquals(1, s.withdrawn());
            assertTrue(repo.isHidden("2611.30001"));
        }
    }

    static String kaggleLine(String id, String version) {
        return "{\"id\": \"" + id + "\", \"authors\": \"A. Author\", \"title\": \"Paper " + id + "\", \"categories\": \"cs.LG\", "
                + "\"abstract\": \"Text.\", \"versions\": [{\"version\": \"" + version + "\", \"created\": \"Mon, 2 Apr 2007 19:18:42 GMT\"}]}";
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void hugeVersionNumbersAreRejectedRecordsWithTheirLineAndTheRestIsImported(TestDatabases.Kind kind) throws IOException {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            ImportService service = new ImportService(repo, new VersionMerger(), CLOCK, 2);
            String file = String.join("\n", kaggleLine("2503.11730", "v1"), kaggleLine("2503.11731v99999999999999", "v1"),
                    kaggleLine("2503.11732", "v99999999999999"), kaggleLine("2503.11733", "v-2"), kaggleLine("2503.11734", "v2")) + "\n";
            ImportSummary s = importBytes(service, "hostile.jsonl", file.getBytes(StandardCharsets.UTF_8));
            assertEquals(2, s.inserted(), s.report(5));
            assertEquals(3, s.rejected());
            String report = s.report(5);
            for (int line = 2; line <= 4; line++) assertTrue(report.contains("hostile.jsonl line " + line + ":"), report);
            assertTrue(repo.find("2503.11730").isPresent() && repo.find("2503.11734").isPresent(), "the papers around them are kept");
            assertEquals(2, repo.count());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void importingTheSameFilesTwiceChangesNothing(TestDatabases.Kind kind) throws IOException {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            ImportService service = new ImportService(repo, new VersionMerger(), CLOCK, 2);
            ImportSummary first = service.importAll(List.of(input("kaggle.jsonl", Collected.resource("kaggle-snapshot.jsonl")),
                    input("daily.jsonl", Collected.resource("arxiv-daily.jsonl"))), ImportService.Progress.NONE);
            assertEquals(6, first.inserted());
            assertEquals(6, first.rejected());
            assertEquals(Map.of("no title", 2L, "no id", 1L, "malformed JSON", 1L, "bad date", 2L), first.rejectedPerReason());
            assertTrue(first.report(3).contains("kaggle.jsonl line 3: no title"), first.report(3));
            long seq = repo.lastChangeSeq();
            Paper before = repo.find("0704.0001").orElseThrow();

            ImportSummary again = service.importAll(List.of(input("kaggle.jsonl", Collected.resource("kaggle-snapshot.jsonl")),
                    input("daily.jsonl", Collected.resource("arxiv-daily.jsonl"))), ImportService.Progress.NONE);
            assertEquals(0, again.inserted());
            assertEquals(0, again.updated());
            assertEquals(6, again.unchanged());
            assertEquals(seq, repo.lastChangeSeq(), "a re-import writes nothing");
            assertEquals(before, repo.find("0704.0001").orElseThrow());
            assertEquals(6, repo.count());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aNewerVersionUpdatesAndKeepsHistoryWhileAnOlderOneOnlyFillsIt(TestDatabases.Kind kind) throws IOException {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            ImportService service = new ImportService(repo, CLOCK);
            importBytes(service, "v1.jsonl", kaggle("2401.12345", "First title", "v1", "Mon, 1 Jan 2024 10:00:00 GMT", null, null));
            ImportSummary v2 = importBytes(service, "v2.jsonl", kaggle("2401.12345", "Revised title", "v2", "Fri, 5 Jan 2024 10:00:00 GMT",
                    null, "10.1000/revised"));
            assertEquals(1, v2.updated());
            Paper stored = repo.find("2401.12345").orElseThrow();
            assertEquals("Revised title", stored.title());
            assertEquals(2, stored.id().version());
            assertEquals(List.of(1, 2), stored.versions().stream().map(PaperVersion::version).toList(), "history is the union");
            assertEquals(LocalDate.of(2024, 1, 1), stored.listingDate(), "listing date never changes once set");
            assertEquals("10.1000/revised", stored.doi());

            ImportSummary old = importBytes(service, "old.jsonl", kaggle("2401.12345", "First title", "v1", "Mon, 1 Jan 2024 10:00:00 GMT",
                    "An older comment", null));
            Paper afterOld = repo.find("2401.12345").orElseThrow();
            assertEquals("Revised title", afterOld.title(), "an older version never overwrites newer metadata");
            assertEquals("10.1000/revised", afterOld.doi(), "a field the record lacks keeps the stored value");
            assertEquals("An older comment", afterOld.comments(), "but fills what the stored paper lacks");
            assertEquals(1, old.updated());

            ImportSummary fix = importBytes(service, "fix.jsonl", kaggle("2401.12345", "Revised title, corrected", "v2",
                    "Fri, 5 Jan 2024 10:00:00 GMT", null, null));
            assertEquals(1, fix.updated());
            Paper corrected = repo.find("2401.12345").orElseThrow();
            assertEquals("Revised title, corrected", corrected.title(), "the same version with other metadata is a correction");
            assertEquals("10.1000/revised", corrected.doi());
            assertEquals(LocalDate.of(2024, 1, 1), corrected.listingDate());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void harvestedVersionHistoryMergesWithAnUnversionedDailyRecord(TestDatabases.Kind kind) throws IOException {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            ImportService service = new ImportService(repo, CLOCK);
            importBytes(service, "daily.jsonl", Collected.resource("arxiv-daily.jsonl"));
            String raw = rawRecord("2503.11742", "Safe Vision-Language Models via Unsafe Weights Manipulation (v2)");
            importBytes(service, "raw.xml", raw.getBytes(StandardCharsets.UTF_8));
            Paper p = repo.find("2503.11742").orElseThrow();
            assertEquals(2, p.id().version());
            assertEquals("Safe Vision-Language Models via Unsafe Weights Manipulation (v2)", p.title());
            assertEquals(LocalDate.of(2025, 3, 18), p.listingDate(), "the first listing date stays");
            assertEquals("Work in progress", p.comments(), "a field arXivRaw lacks keeps the stored value");
            assertEquals(List.of(1, 2), p.versions().stream().map(PaperVersion::version).toList());
        }
    }

    static byte[] kaggle(String id, String title, String version, String created, String comments, String doi) {
        String versions = version.equals("v1") ? "[{\"version\": \"v1\", \"created\": \"" + created + "\"}]"
                : "[{\"version\": \"v1\", \"created\": \"Mon, 1 Jan 2024 10:00:00 GMT\"}, {\"version\": \"" + version + "\", \"created\": \"" + created + "\"}]";
        return ("{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"authors\": \"A. Author\", \"abstract\": \"  Text.\\n\","
                + " \"categories\": \"cs.LG\", \"comments\": " + (comments == null ? "null" : "\"" + comments + "\"")
                + ", \"doi\": " + (doi == null ? "null" : "\"" + doi + "\"")
                + ", \"versions\": " + versions + ", \"update_date\": \"2024-01-05\", \"authors_parsed\": [[\"Author\", \"A.\", \"\"]]}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String rawRecord(String id, String title) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                <responseDate>2025-04-02T20:49:59Z</responseDate>
                <request verb="GetRecord" identifier="oai:arXiv.org:%1$s" metadataPrefix="arXivRaw">http://export.arxiv.org/oai2</request>
                <GetRecord>
                <record>
                <header>
                 <identifier>oai:arXiv.org:%1$s</identifier>
                 <datestamp>2025-04-02</datestamp>
                 <setSpec>cs</setSpec>
                </header>
                <metadata>
                 <arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/">
                 <id>%1$s</id><submitter>Moreno D'Inca</submitter><version version="v1"><date>Fri, 14 Mar 2025 17:00:00 GMT</date><size>2000kb</size></version><version version="v2"><date>Tue, 1 Apr 2025 09:00:00 GMT</date><size>2100kb</size></version><title>%2$s</title><authors>Moreno D'Inca, Elia Peruzzo</authors><categories>cs.CV cs.AI</categories><abstract>  Vision-language models often inherit biases.
                </abstract></arXivRaw>
                </metadata>
                </record>
                </GetRecord>
                </OAI-PMH>
                """.formatted(id, title);
    }
}
