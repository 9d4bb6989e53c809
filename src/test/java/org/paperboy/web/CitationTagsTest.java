package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.store.TestDatabases;

/**
 * The Highwire {@code citation_*} set of a paper page, as Zotero's Embedded Metadata translator
 * reads it: {@code citation_abstract} is its abstract (without it, the 300-character description
 * is), each {@code citation_doi} one DOI, {@code citation_title} and authors for the item.
 */
class CitationTagsTest {

    @TempDir
    Path tmp;

    static List<String> meta(String html, String name) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<meta name=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\">").matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void aPreprintSavesWithItsWholeAbstractAndOneDoiPerTag() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            String longAbstract = "We study things. ".repeat(40).strip() + "\n  Second paragraph ends here.";
            site.add(new Paper(new ArxivId("2611.00042", 2), "Long abstract", List.of(Author.named("Ada Lovelace")), longAbstract, "cs.CL",
                    List.of("cs.CL"), null, null, "10.1103/PhysRevD.1.1 10.1093/x/y", null, LocalDate.of(2026, 11, 20), null, List.of(),
                    Fixture.DAY, List.of(), 0, 0));
            String html = site.body("/papers/2611.00042");
            List<String> abs = meta(html, "citation_abstract");
            assertEquals(1, abs.size());
            assertTrue(abs.get(0).length() > 600, "complete, not cut at 300");
            assertTrue(abs.get(0).endsWith("Second paragraph ends here."), abs.get(0));
            assertEquals(List.of("10.1103/PhysRevD.1.1", "10.1093/x/y"), meta(html, "citation_doi"));
            assertEquals(List.of("Long abstract"), meta(html, "citation_title"));
            assertEquals(List.of("Ada Lovelace"), meta(html, "citation_author"));
            assertEquals(List.of("2611.00042"), meta(html, "citation_arxiv_id"));
            assertEquals(List.of("2026/11/20"), meta(html, "citation_date"));
            assertFalse(html.contains("og:image"), "no thumbnail yet, no og:image");
            assertTrue(html.contains("<link rel=\"search\" type=\"application/opensearchdescription+xml\""), "OpenSearch link");
        }
    }

    @Test
    void ogImageWhenThePageHasAPicture() {
        String html = new Templates().render("error.jte",
                new ErrorPage(Meta.of("t", "d").withImage("https://papers.example.org/thumbs/2611.00042.png"), 404, "m"));
        assertTrue(html.contains("<meta property=\"og:image\" content=\"https://papers.example.org/thumbs/2611.00042.png\">"), html);
    }
}
