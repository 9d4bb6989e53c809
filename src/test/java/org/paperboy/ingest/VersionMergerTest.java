package org.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;

class VersionMergerTest {

    static final LocalDate LISTED = LocalDate.of(2026, 11, 2);

    static Paper paper(int version, String title, LocalDate updated, String doi, List<PaperVersion> versions, LocalDate listed) {
        return new Paper(new ArxivId("2611.00042", version), title, List.of(Author.named("Ada")), "Abstract.", "cs.CL",
                List.of("cs.CL"), null, null, doi, null, LocalDate.of(2026, 11, 1), updated, versions, listed, List.of(), 7, 3);
    }

    @Test
    void withoutVersionNumbersTheLatestDateDecides() {
        Paper stored = paper(1, "Old", null, null, List.of(new PaperVersion(1, LocalDate.of(2026, 11, 1), "10kb")), LISTED);
        // the arXiv OAI format: v1 date and an update date, no version number
        Paper incoming = paper(0, "New", LocalDate.of(2026, 11, 20), "10.1/x", List.of(new PaperVersion(1, LocalDate.of(2026, 11, 1), null)), LocalDate.of(2026, 11, 20));
        Paper merged = new VersionMerger().merge(stored, incoming);
        assertEquals("New", merged.title());
        assertEquals("10.1/x", merged.doi());
        assertEquals(LISTED, merged.listingDate(), "the listing date never changes");
        assertEquals(List.of(new PaperVersion(1, LocalDate.of(2026, 11, 1), "10kb")), merged.versions(), "the detailed entry is kept");
        assertEquals(7, merged.upvotes());
        assertEquals(3, merged.numComments());

        Paper staleDaily = paper(0, "Stale", null, null, List.of(), LocalDate.of(2026, 10, 1));
        Paper kept = new VersionMerger().merge(merged, staleDaily);
        assertEquals("New", kept.title(), "an undated record without a version is not newer than a dated one");
    }

    @Test
    void versionHistoriesUnite() {
        List<PaperVersion> a = List.of(new PaperVersion(1, LocalDate.of(2026, 1, 1), null), new PaperVersion(3, null, "3kb"));
        List<PaperVersion> b = List.of(new PaperVersion(2, LocalDate.of(2026, 2, 1), "2kb"), new PaperVersion(3, LocalDate.of(2026, 3, 1), null));
        assertEquals(List.of(new PaperVersion(1, LocalDate.of(2026, 1, 1), null), new PaperVersion(2, LocalDate.of(2026, 2, 1), "2kb"),
                new PaperVersion(3, LocalDate.of(2026, 3, 1), "3kb")), VersionMerger.union(a, b));
    }

    @Test
    void standardInputIsReadWithADash() throws IOException {
        try (Input in = Input.open("-", new ByteArrayInputStream(Collected.resource("arxiv-daily.jsonl")))) {
            assertEquals("stdin", in.name());
            Collected c = new Collected();
            Format.detect(in.content(), in.name()).reader.read(in.content(), in.name(), c);
            assertEquals(3, c.papers.size());
            assertEquals("stdin line 3", c.rejected.get(0).source() + " " + c.rejected.get(0).position());
        }
    }
}
