package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperboy.web.TestSite.paper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.TestDatabases;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Server-rendered pages, feeds and BibTeX over real HTTP (SQLite). */
class PagesTest {

    @TempDir
    Path tmp;

    TestSite site;

    @BeforeEach
    void start() {
        site = new TestSite(TestDatabases.Kind.SQLITE, tmp);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static int indexOf(String html, String needle) {
        int i = html.indexOf(needle);
        assertTrue(i >= 0, "missing: " + needle);
        return i;
    }

    @Test
    void anEmptyCatalogShowsTheFirstRunPage() {
        for (String path : new String[] {"/", "/papers", "/papers?date=2026-11-23", "/papers/week/2026-W48"}) {
            String html = site.body(path);
            assertTrue(html.contains("Welcome to Paperboy"), path);
            assertTrue(html.contains("<code>cs.AI</code>") && html.contains("<code>cs.CL</code>"), "names the harvested categories");
            assertTrue(html.contains("./paperboy import ../shared/data/arxiv-daily/papers.jsonl.gz"));
            assertTrue(html.contains("Scheduled harvests are off"), "harvest-interval off in the test settings");
        }
    }

    @Test
    void theDailyPageRanksCardsAndLinksNeighbourDays() {
        Fixture.load(site);
        String html = site.body("/papers?date=2026-11-23");
        assertTrue(indexOf(html, "Charlie: language and learning") < indexOf(html, "Alpha: attention"), "9 votes above 5");
        assertTrue(indexOf(html, "Alpha: attention") < indexOf(html, "Bravo: vision"));
        assertTrue(indexOf(html, "Bravo: vision") < indexOf(html, "Delta: learning"));
        assertTrue(html.contains("<title>Papers of Mon 23 Nov 2026 · Paperboy</title>"));
        assertTrue(html.contains("href=\"/papers?date=2026-11-20\""), "previous day with papers skips the weekend");
        assertTrue(html.contains("href=\"/papers?date=2026-11-25\""), "next day with papers");
        assertTrue(html.contains("href=\"/papers/2611.00003\""), "title links to the paper page");
        assertTrue(html.contains("<span class=\"vote-count\">9</span>"));
        assertTrue(html.contains("href=\"https://github.com/ada/delta\""), "code badge");
        assertTrue(html.contains("<details class=\"abstract\">"), "abstract expands without JavaScript");
        assertTrue(html.contains("<svg") && html.contains("<desc id=\"chart-desc\">cs.CL: 2, cs.LG: 2, cs.CV: 1</desc>"), html);
        assertTrue(html.contains("href=\"/papers/week/2026-W48\"") && html.contains("href=\"/papers/month/2026-11\""), "tabs");
        assertTrue(html.contains("property=\"og:title\""));
        assertFalse(html.contains("<script>"), "no inline script; the one script file is optional");
    }

    @Test
    void categoryChipsFilterAndPreviousNextFollowTheFilter() {
        Fixture.load(site);
        String html = site.body("/papers?date=2026-11-23&cat=cs.CV");
        assertTrue(html.contains("Bravo: vision"));
        assertFalse(html.contains("Alpha: attention"));
        assertTrue(html.contains("href=\"/papers?date=2026-11-20&amp;cat=cs.CV\""), "previous cs.CV day");
        assertFalse(html.contains("rel=\"next\" href=\"/papers?date=2026-11-25"), "no later cs.CV day");
        assertTrue(html.contains("href=\"/papers?date=2026-11-23&amp;cat=cs.CL%2Ccs.CV\""), "a chip adds its category");
        assertTrue(html.contains("href=\"/papers?date=2026-11-23\""), "the active chip or 'All categories' removes the filter");
    }

    @Test
    void pagingLinksWalkThroughADay() {
        Fixture.load(site);
        String first = site.body("/papers?date=2026-11-23&limit=3");
        assertTrue(first.contains("href=\"/papers?date=2026-11-23&amp;p=1&amp;limit=3\""), "next page link");
        assertFalse(first.contains("Delta: learning"));
        String second = site.body("/papers?date=2026-11-23&p=1&limit=3");
        assertTrue(second.contains("Delta: learning"));
        assertFalse(second.contains("Bravo: vision"));
        assertFalse(second.contains("More papers"), "nothing after the last page");
        assertTrue(second.contains("showing 4–4"));
    }

    @Test
    void weekAndMonthPagesAndTheLatestDay() {
        Fixture.load(site);
        String week = site.body("/papers/week/2026-W48");
        assertTrue(week.contains("Foxtrot: strings") && week.contains("Charlie: language and learning"));
        assertFalse(week.contains("Echo: earlier vision"));
        assertTrue(week.contains("href=\"/papers/week/2026-W47\""), "previous week with papers");
        assertTrue(week.contains("href=\"/papers/week/2026-W49\""), "next week with papers (Golf, 1 Dec)");
        String month = site.body("/papers/month/2026-11");
        assertTrue(month.contains("Echo: earlier vision") && month.contains("Foxtrot: strings"));
        assertTrue(month.contains("href=\"/papers/month/2026-12\""));
        assertTrue(site.body("/").contains("Golf: december"), "/ is the latest day with papers");
        assertEquals("/papers?date=2026-11-23", site.get("/papers/2026-11-23").headers().firstValue("location").orElseThrow());
        assertEquals("/papers/week/2026-W48", site.get("/papers/2026-W48").headers().firstValue("location").orElseThrow());
        assertEquals("/papers/month/2026-11", site.get("/papers/2026-11").headers().firstValue("location").orElseThrow());
        assertEquals(400, site.get("/papers/2026-11-31").statusCode());
        HttpResponse<String> redirect = site.get("/papers/week");
        assertEquals(302, redirect.statusCode());
        assertEquals("/papers/week/2026-W49", redirect.headers().firstValue("location").orElseThrow());
    }

    @Test
    void badDatesAndIdsAre400PagesAndMissingPapers404() {
        Fixture.load(site);
        for (String path : new String[] {"/papers?date=2026-02-30", "/papers/week/2026-W54", "/papers/month/2026-13",
                "/papers/not-an-id", "/papers?date=2026-11-23&cat=%3Cscript%3E", "/papers/2026-99-99.atom", "/papers/nonsense.bib"}) {
            HttpResponse<String> r = site.get(path);
            assertEquals(400, r.statusCode(), path);
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"), path);
            assertFalse(r.body().contains("<script>"), path);
        }
        HttpResponse<String> missing = site.get("/papers/2401.99999");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("2401.99999"));
        assertEquals(404, site.get("/papers/2401.99999.bib").statusCode());
    }

    @Test
    void thePaperPageCarriesCitationTagsVersionsAndBibtex() {
        Fixture.load(site);
        String html = site.body("/papers/2611.00001v1");
        assertTrue(html.contains("<meta name=\"citation_title\" content=\"Alpha: attention\">"));
        assertTrue(html.contains("<meta name=\"citation_author\" content=\"Ada Lovelace\">"));
        assertTrue(html.contains("<meta name=\"citation_author\" content=\"Charles Babbage\">"));
        assertTrue(html.contains("<meta name=\"citation_date\" content=\"2026/11/21\">"));
        assertTrue(html.contains("<meta name=\"citation_arxiv_id\" content=\"2611.00001\">"));
        assertTrue(html.contains("<meta name=\"citation_pdf_url\" content=\"https://arxiv.org/pdf/2611.00001\">"));
        assertTrue(html.contains("<meta property=\"og:url\" content=\"https://papers.example.org/papers/2611.00001\">"));
        assertTrue(html.contains("<p class=\"math\">First line of the abstract wrapped by arXiv.</p>"), "hard wraps joined");
        assertTrue(html.contains("<p class=\"math\">A second paragraph.</p>"), "indented line starts a paragraph");
        assertTrue(html.contains("Analytical Engines Ltd"), "affiliations");
        assertTrue(html.contains("href=\"https://arxiv.org/abs/2611.00001v1\">v1</a>"), "version history");
        assertTrue(html.contains("eprint = {2611.00001}"), "BibTeX block");
        assertTrue(html.contains("href=\"/papers?date=2026-11-23\""), "link to its day");
        assertTrue(html.contains("arXiv:2611.00001v1"), "the id with its version");
    }

    @Test
    void aPaperFromASourceWithoutVersionsShowsItsBareId() {
        Paper p = paper("2611.00077", "Unversioned", LocalDate.of(2026, 11, 23), "cs.CL");
        site.papers.upsert(List.of(new Paper(new ArxivId("2611.00077", 0), p.title(), p.authors(), p.abstractText(),
                p.primaryCategory(), p.categories(), null, null, null, null, null, null, List.of(), p.listingDate(), List.of(), 0, 0)),
                p.listingDate(), (a, b) -> b);
        String html = site.body("/papers/2611.00077v2");
        assertTrue(html.contains("arXiv:2611.00077\n"), "the bare id");
        assertFalse(html.contains("v0"), "no version 0 shown");
        assertFalse(html.contains("You asked for version"), "no notice when the latest version is unknown");
    }

    @Test
    void oldStyleIdsHaveTheirPagesBibtexAndJson() {
        Fixture.load(site);
        String html = site.body("/papers/hep-th/9901001");
        assertTrue(html.contains("<h1 id=\"paper-title\" class=\"math\">Foxtrot: strings</h1>"));
        assertTrue(html.contains("<meta name=\"citation_arxiv_id\" content=\"hep-th/9901001\">"));
        assertTrue(site.body("/papers/hep-th/9901001v1").contains("Foxtrot: strings"));
        String bib = site.body("/papers/hep-th/9901001.bib");
        assertTrue(bib.startsWith("@misc{lovelace2026foxtrotstrings,"), bib);
        assertTrue(bib.contains("eprint = {hep-th/9901001}") && bib.contains("primaryClass = {hep-th}"));
        assertTrue(bib.contains("url = {https://arxiv.org/abs/hep-th/9901001}"));
    }

    @Test
    void aHostileTitleIsEscapedEverywhere() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 24);
        site.add(paper("2611.00099", "<script>alert(1)</script> & {50%} of $x_1$ \"quoted\"", day, "cs.CR"));
        String daily = site.body("/papers?date=2026-11-24");
        String page = site.body("/papers/2611.00099");
        for (String html : new String[] {daily, page}) {
            assertFalse(html.contains("<script>alert(1)</script>"), "raw script tag");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        }
        // in attribute values jte escapes < & and quotes; a bare > cannot end an attribute
        assertTrue(page.contains("<meta name=\"citation_title\" content=\"&lt;script>alert(1)&lt;/script> &amp; {50%} of $x_1$ &#34;quoted&#34;\">"),
                "meta attribute escaped");

        String bib = site.body("/papers/2611.00099.bib");
        assertTrue(bib.contains("title = {<script>alert(1)</script> \\& {50\\%} of $x_1$ \"quoted\"},"), bib);
        HttpResponse<String> bibResponse = site.get("/papers/2611.00099.bib");
        assertTrue(bibResponse.headers().firstValue("content-type").orElse("").startsWith("application/x-bibtex"));

        String feed = site.body("/papers/2026-11-24.atom");
        assertFalse(feed.contains("<script>"));
        Document doc = parse(feed);
        assertEquals("<script>alert(1)</script> & {50%} of $x_1$ \"quoted\"",
                ((Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0))
                        .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent());
    }

    @Test
    void atomFeedsAreWellFormedAtomWithCategoryFilter() throws Exception {
        Fixture.load(site);
        HttpResponse<String> r = site.get("/papers/2026-11-23.atom?cat=cs.LG");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/atom+xml"));
        Document doc = parse(r.body());
        Element feed = doc.getDocumentElement();
        assertEquals("feed", feed.getLocalName());
        assertEquals("http://www.w3.org/2005/Atom", feed.getNamespaceURI());
        assertEquals(2, feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength(), "Charlie and Delta");
        assertTrue(r.body().contains("<id>https://arxiv.org/abs/2611.00003</id>"));
        assertTrue(r.body().contains("href=\"https://papers.example.org/papers/2611.00003\""));
        for (String tag : new String[] {"id", "title", "updated"}) {
            assertEquals(1, countChildren(feed, tag), "feed needs exactly one " + tag);
        }

        Document site3 = parse(site.body("/feed.atom"));
        // the three latest listing days: 1 Dec, 25 Nov, 23 Nov
        assertEquals(6, site3.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength());
        Document filtered = parse(site.body("/feed.atom?cat=cs.CV"));
        assertEquals(2, filtered.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength());
    }

    @Test
    void listingsShowNewPapersAndVotesAtOnce() {
        Fixture.load(site);
        assertFalse(site.body("/papers?date=2026-11-23").contains("Hotel: late"));
        site.add(paper("2611.00010", "Hotel: late", Fixture.DAY, "cs.CL"));
        String html = site.body("/papers?date=2026-11-23");
        assertTrue(html.contains("Hotel: late"), "a new paper bumps the change sequence");
        Fixture.vote(site, "2611.00010", 50);
        html = site.body("/papers?date=2026-11-23");
        assertTrue(indexOf(html, "Hotel: late") < indexOf(html, "Charlie: language and learning"), "a vote invalidates the cache");
    }

    @Test
    void browsersGetTheListingGzippedOthersPlain() throws Exception {
        Fixture.load(site);
        String plain = site.body("/papers?date=2026-11-23");
        var http = HttpClient.newHttpClient();
        for (String path : new String[] {"/papers?date=2026-11-23", "/api/daily_papers?date=2026-11-23"}) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + site.server.port() + path)).header("Accept-Encoding", "gzip, deflate, br").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", r.headers().firstValue("content-encoding").orElse(""), path);
            assertEquals("Accept-Encoding", r.headers().firstValue("vary").orElse(""), path);
            String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(site.body(path), unzipped, path);
        }
        assertTrue(plain.startsWith("<!doctype html>"));
        String etag = site.get("/api/daily_papers?date=2026-11-23").headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + site.server.port() + "/api/daily_papers?date=2026-11-23")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        Fixture.vote(site, "2611.00002", 1);
        assertFalse(etag.equals(site.get("/api/daily_papers?date=2026-11-23").headers().firstValue("etag").orElseThrow()),
                "a vote changes the body and its ETag");
        assertFalse(CachedBody.acceptsGzip("gzip;q=0, identity"));
        assertTrue(CachedBody.acceptsGzip("br;q=1.0, gzip;q=0.8"));
        assertFalse(CachedBody.acceptsGzip("identity"));
    }

    private static int countChildren(Element e, String name) {
        int n = 0;
        for (var c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el && name.equals(el.getLocalName())) n++;
        }
        return n;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
