package org.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;

class ReadersTest {

    static final Path SHARED = Path.of("../shared/data/arxiv-responses");

    @Test
    void kaggleSnapshotGivesPapersWithHistoryAndRejectsEachKindOfBadRecordByLine() {
        Collected c = Collected.read("kaggle.jsonl", Collected.resource("kaggle-snapshot.jsonl"));
        assertEquals(List.of("0704.0001", "2310.06825", "hep-th/9901001"), c.papers.stream().map(p -> p.id().base()).toList());
        Paper p = c.paper("0704.0001");
        assertEquals("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", p.title());
        assertEquals(2, p.id().version());
        assertEquals(List.of(new PaperVersion(1, LocalDate.of(2007, 4, 2), null), new PaperVersion(2, LocalDate.of(2007, 7, 24), null)), p.versions());
        assertEquals(LocalDate.of(2007, 4, 2), p.listingDate(), "listing date is the v1 date");
        assertEquals("C. Balázs", p.authors().get(0).name());
        assertEquals("A fully differential calculation in perturbative quantum chromodynamics is presented for the production"
                + " of massive photon pairs at hadron colliders.\nAll next-to-leading order perturbative contributions are included.",
                p.abstractText(), "hard wraps collapsed, the indented paragraph kept");
        assertEquals("10.1103/PhysRevD.76.013009", p.doi());
        Paper mistral = c.paper("2310.06825");
        assertEquals(new Author("Albert Q. Jiang", "Mistral AI"), mistral.authors().get(0));
        assertEquals(List.of("cs.CL", "cs.AI", "cs.LG"), mistral.categories());
        assertEquals("cs.CL", mistral.primaryCategory());
        assertEquals(List.of(new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/mistralai/mistral-src")), mistral.codeLinks());

        assertEquals(List.of("no title", "no id", "malformed JSON", "bad date"), c.reasons());
        assertEquals(List.of("line 3", "line 4", "line 5", "line 6"), c.rejected.stream().map(Rejection::position).toList());
        assertTrue(c.rejected.get(0).detail().contains("2401.00002"), c.rejected.get(0).toString());
        assertTrue(c.rejected.get(0).toString().startsWith("kaggle.jsonl line 3"));
    }

    @Test
    void arxivDailyUsesFirstListingDateAndFindsCodeLinksAcrossWraps() {
        Collected c = Collected.read("daily.jsonl", Collected.resource("arxiv-daily.jsonl"));
        assertEquals(3, c.papers.size());
        Paper uwm = c.paper("2503.11742");
        assertEquals(LocalDate.of(2025, 3, 18), uwm.listingDate());
        assertEquals(List.of("cs.CV", "cs.AI"), uwm.categories());
        assertEquals("Work in progress", uwm.comments());
        assertEquals(List.of("https://example.org/uwm", "https://github.com/Foo/UWM"), uwm.codeLinks().stream().map(CodeLink::url).toList());
        assertEquals("Text of a paper that wraps.", c.paper("2503.11802").abstractText());
        assertEquals(LocalDate.of(2025, 3, 19), c.paper("2503.11802").listingDate());
        assertEquals(null, uwm.submittedAt(), "the daily sample gives dates only");
        assertEquals(List.of("no title", "bad date"), c.reasons());
        assertEquals(List.of("line 3", "line 4"), c.rejected.stream().map(Rejection::position).toList());
    }

    @Test
    void aLastJsonLineCutMidRecordIsReportedAsTruncationAfterKeepingTheRest() {
        byte[] full = Collected.resource("arxiv-daily.jsonl");
        byte[] cut = Arrays.copyOf(full, full.length - 40);
        Collected c = Collected.read("cut.jsonl", cut);
        assertEquals(2, c.papers.size(), "the complete good lines are kept");
        Rejection last = c.rejected.get(c.rejected.size() - 1);
        assertTrue(last.truncation(), last.toString());
        assertEquals("line 5", last.position());
    }

    @Test
    void gzipIsDetectedByContentAndACutGzipKeepsWhatWasRead() throws IOException {
        byte[] plain = Collected.resource("kaggle-snapshot.jsonl");
        byte[] gz = gzip(plain);
        Collected whole = Collected.read("snapshot.gz", gz);
        assertEquals(3, whole.papers.size());
        assertTrue(whole.rejected.stream().noneMatch(Rejection::truncation));

        byte[] big = gzip(repeatLines(Collected.resource("arxiv-daily.jsonl"), 400));
        Collected cut = Collected.read("cut.gz", Arrays.copyOf(big, big.length / 2));
        assertTrue(cut.papers.size() > 100, "records before the cut are kept: " + cut.papers.size());
        assertTrue(cut.papers.size() < 1200);
        Rejection t = cut.rejected.get(cut.rejected.size() - 1);
        assertTrue(t.truncation(), t.toString());
        assertTrue(t.position().startsWith("line "), t.position());
    }

    @Test
    void oaiPmhArxivFormatSkipsBrokenElementsAndReportsEachBadRecord() {
        Collected c = Collected.read("page.xml", Collected.resource("oai-arxiv-bad-records.xml"));
        assertEquals(List.of("2611.10001", "2611.10006"), c.papers.stream().map(p -> p.id().base()).toList());
        Paper survey = c.paper("2611.10001");
        assertEquals("Graph Transformers & Friends: A Survey", survey.title());
        assertEquals(List.of(new Author("Ada Smith", "MIT; CSAIL"), new Author("Bo Jones", null)), survey.authors());
        assertEquals(LocalDate.of(2026, 11, 24), survey.listingDate(), "a harvested paper is listed on its datestamp");
        assertEquals(1, survey.id().version());
        assertEquals("We study things of interest to many people. Our code is at https://github.com/paperboy-test/a.\n"
                + "A second paragraph follows here.", survey.abstractText());
        Paper revised = c.paper("2611.10006");
        assertEquals(0, revised.id().version(), "the arXiv format does not say which version the update is");
        assertEquals(LocalDate.of(2026, 11, 24), revised.updated());
        assertEquals("NeurIPS 2026", revised.journalRef());
        assertEquals(List.of("broken XML element", "no id", "bad date"), c.reasons());
        assertEquals(List.of("2611.10004"), c.withdrawn, "a deleted record is a withdrawal, not a bad record");
        assertEquals("record 2 (line 22)", c.rejected.get(0).position());
        assertTrue(c.rejected.get(0).detail().startsWith("at line 30: ") && c.rejected.get(0).detail().contains("\"title\""),
                c.rejected.get(0).detail());
    }

    @Test
    void oaiPmhCutMidElementKeepsTheRecordsBeforeAndSaysWhere() {
        String page = new String(Collected.resource("harvest/page2.xml"), StandardCharsets.UTF_8);
        String cut = page.substring(0, page.indexOf("Page two, paper three") + 10);
        Collected c = Collected.read("cut.xml", cut.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("2611.20004", "2611.20005"), c.papers.stream().map(p -> p.id().base()).toList());
        Rejection t = c.rejected.get(0);
        assertTrue(t.truncation());
        assertTrue(t.detail().contains("inside the <record>"), t.detail());

        String noEnd = page.substring(0, page.indexOf("<resumptionToken"));
        Collected c2 = Collected.read("noend.xml", noEnd.getBytes(StandardCharsets.UTF_8));
        assertEquals(3, c2.papers.size());
        assertTrue(c2.rejected.get(0).truncation(), c2.rejected.toString());
    }

    @Test
    void oaiPmhPageReportsTokenSizeCursorAndErrors() {
        OaiPage page = new OaiPmhReader().readPage(new ByteArrayInputStream(Collected.resource("harvest/page1.xml")), "p1", new Collected());
        assertEquals("8842001|1001", page.resumptionToken());
        assertEquals(8L, page.completeListSize());
        assertEquals(0L, page.cursor());
        assertEquals(LocalDate.of(2026, 11, 21), page.lastDatestamp());
        assertEquals(3, page.records());
        OaiPage last = new OaiPmhReader().readPage(new ByteArrayInputStream(Collected.resource("harvest/page3.xml")), "p3", new Collected());
        assertTrue(last.lastPage());
        OaiPage error = new OaiPmhReader().readPage(new ByteArrayInputStream(Collected.resource("harvest/bad-argument.xml")), "e", new Collected());
        assertEquals("badArgument", error.errorCode());
        assertTrue(error.errorMessage().contains("tomorrow"));
        OaiPage none = new OaiPmhReader().readPage(new ByteArrayInputStream(Collected.resource("harvest/no-records-match.xml")), "n", new Collected());
        assertTrue(none.nothingNew());
    }

    @Test
    void realArxivRawPageCarriesVersionHistoryAndToken() throws IOException {
        Path file = SHARED.resolve("oai_pmh_mikesaelim/ListRecordsResponse.xml");
        Assumptions.assumeTrue(Files.exists(file), "shared arXiv responses not present at " + file);
        Collected c = new Collected();
        OaiPage page = new OaiPmhReader().readPage(Files.newInputStream(file), "mikesaelim", c);
        assertEquals("726959|1001", page.resumptionToken());
        assertEquals(58011L, page.completeListSize());
        assertTrue(c.papers.size() >= 4, "papers: " + c.papers.size());
        Paper p = c.paper("0704.0716");
        assertEquals(4, p.id().version());
        assertEquals(List.of(1, 2, 3, 4), p.versions().stream().map(PaperVersion::version).toList());
        assertEquals(LocalDate.of(2007, 4, 5), p.submitted());
        assertEquals(LocalDate.of(2008, 11, 14), p.updated());
        assertEquals("43kb", p.versions().get(0).size());
        assertEquals(Instant.parse("2007-04-05T12:45:03Z"), p.submittedAt(), "v1's time of day (Thu, 5 Apr 2007 12:45:03 GMT)");
        assertEquals(Instant.parse("2008-11-14T09:07:25Z"), p.updatedAt(), "v4's time of day");
        Paper shetty = c.paper("0704.0471");
        assertEquals(List.of("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"), shetty.authors().stream().map(Author::name).toList());
        assertEquals(List.of("nucl-ex", "nucl-th"), shetty.categories());
    }

    @Test
    void realGetRecordResponsesInBothMetadataFormats() throws IOException {
        Path raw = SHARED.resolve("oai_pmh_mikesaelim/GetRecordResponse.xml");
        Path arxiv = SHARED.resolve("oai_pmh_paperhive/oaipmh-getrecord---should-get-a-record__00_status200.xml");
        Assumptions.assumeTrue(Files.exists(raw) && Files.exists(arxiv), "shared arXiv responses not present under " + SHARED);
        Collected r = Collected.read("raw", Files.readAllBytes(raw));
        Paper p = r.paper("1302.2146");
        assertEquals(2, p.id().version());
        assertTrue(p.title().startsWith("The Same-Sign Dilepton Signature of RPV/MFV SUSY"), p.title());
        assertTrue(!p.title().contains("\n"));
        Collected a = Collected.read("arxiv", Files.readAllBytes(arxiv));
        Paper ks = a.paper("1412.8544");
        assertEquals(List.of(new Author("Sander Uijlen", "Radboud Universiteit"), new Author("Bas Westerbaan", "Radboud Universiteit")), ks.authors());
        assertEquals("EPTCS 172, 2014, pp. 154-164", ks.journalRef());
        assertEquals(LocalDate.of(2014, 12, 29), ks.submitted());
        assertTrue(ks.abstractText().contains("\nContinuing their effort"), "the indented paragraph is kept: " + ks.abstractText());
    }

    @Test
    void realOaiErrorResponsesAreRead() throws IOException {
        Path dir = SHARED.resolve("oai_pmh_mikesaelim");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared arXiv responses not present at " + dir);
        for (String code : List.of("BadArgument", "BadResumptionToken", "BadVerb", "IdDoesNotExist", "NoRecordsMatch")) {
            OaiPage page = new OaiPmhReader().readPage(Files.newInputStream(dir.resolve("ErrorResponse" + code + ".xml")), code, new Collected());
            assertEquals(Character.toLowerCase(code.charAt(0)) + code.substring(1), page.errorCode());
        }
    }

    @Test
    void atomPageWithNamespacesOnTheRootGivesPapersWithAffiliationsAndExtensions() {
        Collected c = Collected.read("atom.xml", Collected.resource("atom-two-entries.xml"));
        assertEquals(2, c.papers.size());
        Paper p = c.paper("2611.30001");
        assertEquals(2, p.id().version());
        assertEquals("Sparse Mixtures of Experts for Long-Context Retrieval", p.title());
        assertEquals(List.of(new Author("Grace Hopper", "Yale University"), new Author("Alan Turing", null)), p.authors());
        assertEquals("cs.IR", p.primaryCategory());
        assertEquals(List.of("cs.IR", "cs.CL"), p.categories());
        assertEquals("14 pages, 5 figures; v2: new baselines", p.comments());
        assertEquals("Proc. ACL 2027", p.journalRef());
        assertEquals("10.18653/v1/2027.acl-long.1", p.doi());
        assertEquals(LocalDate.of(2026, 11, 19), p.listingDate());
        assertEquals(Instant.parse("2026-11-19T10:01:02Z"), p.submittedAt());
        assertEquals(Instant.parse("2026-11-25T17:59:58Z"), p.updatedAt());
        assertEquals(null, c.paper("2611.30002").updatedAt(), "v1 only: no update time");
        assertEquals(List.of("https://github.com/paperboy-test/smoe", "https://huggingface.co/paperboy-test/smoe-base"),
                p.codeLinks().stream().map(CodeLink::url).toList());
        assertEquals("A <script> in a title & other hazards", c.paper("2611.30002").title());
        AtomPage page = new AtomReader().readPage(new ByteArrayInputStream(Collected.resource("atom-two-entries.xml")), "a", new Collected());
        assertEquals(2L, page.totalResults());
    }

    @Test
    void realAtomResponseAndArxivErrorEntries() throws IOException {
        Path file = SHARED.resolve("atom_api/query_id_1911.12281.xml");
        Assumptions.assumeTrue(Files.exists(file), "shared arXiv responses not present at " + file);
        Collected c = Collected.read("real.xml", Files.readAllBytes(file));
        Paper p = c.paper("1911.12281");
        assertEquals("math.QA", p.primaryCategory());
        assertEquals(List.of("Ricardo Campos", "Najib Idrissi", "Thomas Willwacher"), p.authors().stream().map(Author::name).toList());
        assertTrue(p.abstractText().startsWith("We compute small rational models"), p.abstractText());
        assertEquals(Instant.parse("2019-11-27T16:52:52Z"), p.submittedAt(), "<published> keeps its time of day");
        assertEquals(LocalDate.of(2019, 11, 27), p.submitted());
        assertEquals(Instant.parse("2020-04-02T15:26:49Z"), p.updatedAt(), "<updated> of the latest version");

        Collected err = Collected.read("err.xml", Collected.resource("atom-error.xml"));
        assertEquals(0, err.papers.size());
        assertEquals("arXiv API error", err.rejected.get(0).reason());
        assertEquals("incorrect id format for 2611.3000x", err.rejected.get(0).detail());
    }

    @Test
    void atomCutMidEntryIsReportedAsTruncation() {
        String feed = new String(Collected.resource("atom-two-entries.xml"), StandardCharsets.UTF_8);
        Collected c = Collected.read("cut.xml", feed.substring(0, feed.indexOf("Ada Lovelace")).getBytes(StandardCharsets.UTF_8));
        assertEquals(1, c.papers.size());
        assertTrue(c.rejected.get(0).truncation());
    }

    @Test
    void anOaiPmhAnswerWithoutRecordsSaysSo() {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<responseDate>2026-12-06T10:00:00Z</responseDate>";
        String[][] answers = {
            {"Identify", "<request verb=\"Identify\">https://oaipmh.arxiv.org/oai</request><Identify><repositoryName>arXiv</repositoryName>"
                    + "<baseURL>https://oaipmh.arxiv.org/oai</baseURL><protocolVersion>2.0</protocolVersion></Identify>"},
            {"ListSets", "<request verb=\"ListSets\"/><ListSets><set><setSpec>cs</setSpec><setName>Computer Science</setName></set></ListSets>"},
            {"ListIdentifiers", "<request verb=\"ListIdentifiers\"/><ListIdentifiers><header><identifier>oai:arXiv.org:2503.11731</identifier>"
                    + "<datestamp>2025-03-18</datestamp></header></ListIdentifiers>"},
            {"ListMetadataFormats", "<request verb=\"ListMetadataFormats\"/><ListMetadataFormats><metadataFormat><metadataPrefix>arXiv</metadataPrefix>"
                    + "</metadataFormat></ListMetadataFormats>"}};
        for (String[] a : answers) {
            Collected c = Collected.read(a[0] + ".xml", (head + a[1] + "</OAI-PMH>").getBytes(StandardCharsets.UTF_8));
            assertEquals(0, c.papers.size(), a[0]);
            assertEquals(List.of(OaiPmhReader.NO_RECORDS), c.reasons(), a[0]);
            assertTrue(c.rejected.get(0).detail().contains(a[0]) && c.rejected.get(0).detail().contains("ListRecords"), c.rejected.get(0).toString());
        }
        Collected empty = new Collected();
        new OaiPmhReader().readPage(new ByteArrayInputStream(Collected.resource("harvest/no-records-match.xml")), "n", empty);
        assertTrue(empty.rejected.isEmpty(), "an empty ListRecords is an answer about records, not the wrong verb");
    }

    @Test
    void unknownFormatsAreRefusedWithTheKnownOnesNamed() {
        UnknownFormatException csv = assertThrows(UnknownFormatException.class, () -> Collected.read("x.csv", Collected.resource("unknown.csv")));
        assertTrue(csv.getMessage().contains("Kaggle") && csv.getMessage().contains("OAI-PMH") && csv.getMessage().contains("Atom"), csv.getMessage());
        UnknownFormatException html = assertThrows(UnknownFormatException.class,
                () -> Collected.read("x.html", "<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.getMessage().contains("<html>"), html.getMessage());
        assertThrows(UnknownFormatException.class, () -> Collected.read("x.json", "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(UnknownFormatException.class, () -> Collected.read("empty", new byte[0]));
    }

    @Test
    void textNormalisationKeepsParagraphsAndCollapsesWraps() {
        assertEquals("One two three", Text.oneLine("  One\n  two \t three "));
        assertNull(Text.oneLine(" \n "));
        assertEquals("First para wraps here.\nSecond para.", Text.paragraphs("  First para\nwraps here.\n  Second\npara.\n"));
        assertEquals("Blank line\nsplits too.", Text.paragraphs("Blank line\n\nsplits too."));
        assertEquals("Atom indents every line alike", Text.paragraphs("\n      Atom indents\n      every line alike\n    "));
    }

    @Test
    void authorListsSplitOnCommasAndAndKeepingAffiliations() {
        assertEquals(List.of(new AuthorList.Named("A. Smith", null), new AuthorList.Named("B. Jones", "MIT, CSAIL"), new AuthorList.Named("C. Wu", null)),
                AuthorList.split("A. Smith, B. Jones (MIT, CSAIL), and C. Wu"));
        assertEquals(List.of("N.C. Summers", "F.M. Nunes"), AuthorList.split("N.C. Summers and F.M. Nunes").stream().map(AuthorList.Named::name).toList());
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] repeatLines(byte[] lines, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) out.writeBytes(lines);
        return out.toByteArray();
    }
}
