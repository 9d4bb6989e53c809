package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.bench.ArxivDailyLoader;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.store.Listing;
import org.paperboy.store.TestDatabases;

/** Every entry through a real BibTeX parser (jbibtex), with titles as arXiv writes them. */
class BibtexConformanceTest {

    @TempDir
    Path tmp;

    static BibTeXDatabase parse(String bib) {
        try {
            return new BibTeXParser().parse(new StringReader(bib));
        } catch (Exception e) {
            throw new AssertionError("jbibtex cannot parse:\n" + bib, e);
        }
    }

    static Paper paper(String id, String title, String firstAuthor, String doi) {
        return new Paper(new ArxivId(id, 1), title, List.of(Author.named(firstAuthor), Author.named("B. Other")), "abstract", "cs.CV",
                List.of("cs.CV"), null, null, doi, null, LocalDate.of(2025, 3, 14), null, List.of(), LocalDate.of(2025, 3, 18), List.of(), 0, 0);
    }

    private static String field(BibTeXEntry e, String name) {
        var v = e.getField(new Key(name));
        return v == null ? null : v.toUserString();
    }

    @Test
    void mathStaysMathAndOnlyWhatBibtexNeedsIsEscaped() {
        Map<String, String> titles = new HashMap<>();
        titles.put("GenM$^3$: Generative Pretrained Multi-path Motion Model", "GenM$^3$: Generative Pretrained Multi-path Motion Model");
        titles.put("$\\mathcal{O}(n^2)$ attention & 50% less memory", "$\\mathcal{O}(n^2)$ attention \\& 50\\% less memory");
        titles.put("The \\textit{emph} word, {BERT} kept", "The \\textit{emph} word, {BERT} kept");
        titles.put("Unbalanced { brace and #tag_name ^ caret", "Unbalanced \\{ brace and \\#tag\\_name \\^{} caret");
        titles.put("Costs $5 per run", "Costs \\$5 per run");
        titles.put("Closing } first {", "Closing \\} first \\{");
        List<Paper> papers = new ArrayList<>();
        int n = 0;
        for (String t : titles.keySet()) papers.add(paper(String.format("2503.%05d", ++n), t, "Ada Lovelace", null));
        for (Paper p : papers) {
            BibTeXDatabase db = parse(Bibtex.of(p));
            assertEquals(1, db.getEntries().size());
            BibTeXEntry e = db.getEntries().values().iterator().next();
            assertEquals(titles.get(p.title()), field(e, "title"), p.title());
            assertEquals("2503." + p.id().base().substring(5), field(e, "eprint"));
            assertEquals("arXiv", field(e, "archivePrefix"));
        }
    }

    @Test
    void keysFollowArxivsStyleAndRepeatsAreToldApart() {
        Paper attention = paper("1706.03762", "Attention Is All You Need", "Ashish Vaswani", null);
        assertEquals("vaswani2025attentionneed", Bibtex.key(attention), "surname, year, two significant words");
        assertEquals("nunez2025genmsup", Bibtex.key(paper("2503.00001", "GenM$^3$ sup", "José Núñez", null)),
                "math is not a word; accents fold to ASCII");
        assertEquals("lecun2025deeplearning", Bibtex.key(paper("2503.00002", "On deep learning", "LeCun, Yann", null)));

        List<Paper> day = List.of(
                paper("2503.10001", "Vision Transformers at scale", "Li Wang", null),
                paper("2503.10002", "Vision transformers for video", "Wei Wang", null),
                paper("2503.10003", "Vision Transformers: a survey", "Jun Wang", null),
                paper("2503.10004", "Diffusion models", "Jun Wang", null));
        BibTeXDatabase db = parse(Bibtex.all(day));
        assertEquals(4, db.getEntries().size(), "no entry lost to a repeated key");
        Set<String> keys = new HashSet<>();
        db.getEntries().keySet().forEach(k -> keys.add(k.getValue()));
        assertEquals(Set.of("wang2025visiontransformersa", "wang2025visiontransformersb", "wang2025visiontransformersc", "wang2025diffusionmodels"), keys);
        assertEquals("aa", Bibtex.suffix(26));
    }

    @Test
    void oneDoiPerField() {
        Paper two = paper("2503.20001", "Two DOIs", "Ada Lovelace", "10.1103/PhysRevD.111.063001 10.1093/mnras/stad123");
        BibTeXEntry e = parse(Bibtex.of(two)).getEntries().values().iterator().next();
        assertEquals("10.1103/PhysRevD.111.063001", field(e, "doi"));
        assertTrue(field(e, "note").contains("10.1093/mnras/stad123"));
        assertEquals(List.of("10.1/a", "10.2/b_c"), Dois.split("10.1/a, 10.2/b_c; 10.1/a"));
    }

    @Test
    void theDayFileParsesWhole() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            site.add(TestSite.paper("2611.00001", "Vision $\\alpha$ models", Fixture.DAY, "cs.CV"),
                    TestSite.paper("2611.00002", "Vision: models", Fixture.DAY, "cs.CV"),
                    TestSite.paper("2611.00003", "Other 100% & done", Fixture.DAY, "cs.CL"));
            BibTeXDatabase db = parse(site.body("/papers/2026-11-23.bib"));
            assertEquals(3, db.getEntries().size());
            assertNotNull(db.resolveEntry(new Key("lovelace2026visionmodelsa")));
            assertEquals(1, parse(site.body("/papers/2026-11-23.bib?cat=cs.CL")).getEntries().size());
            assertEquals(400, site.get("/papers/2026-13-01.bib").statusCode());
        }
    }

    /** The real catalog sample: every paper's entry parses, and a day file's keys are unique. */
    @Test
    void everyPaperOfTheSampleParses() throws Exception {
        Path file = Path.of("../shared/data/arxiv-daily/papers.jsonl.gz");
        assumeTrue(Files.exists(file), "shared data absent: " + file.toAbsolutePath());
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            ArxivDailyLoader.load(file, site.papers, 3_000, n -> { });
            List<Paper> all = site.papers.listing(new Listing(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1), List.of(), Listing.Order.NEWEST, 0, 3_000));
            assertFalse(all.isEmpty());
            Map<String, Integer> keys = new HashMap<>();
            for (Paper p : all) {
                BibTeXDatabase db = parse(Bibtex.of(p));
                assertEquals(1, db.getEntries().size(), p.id().base());
                keys.merge(Bibtex.key(p), 1, Integer::sum);
            }
            long repeated = keys.values().stream().filter(v -> v > 1).count();
            assertTrue(repeated * 1000 / all.size() < 3, "arXiv-style keys rarely repeat: " + repeated + " of " + all.size());
            assertEquals(all.size(), parse(Bibtex.all(all)).getEntries().size(), "one file, every key unique");
        }
    }
}
