package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.TestDatabases;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** robots.txt, the sitemap index and its files (split by URL count), and the OpenSearch description. */
class CrawlerRoutesTest {

    @TempDir
    Path tmp;

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    static Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document d, String ns, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS(ns, tag);
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    @Test
    void robotsPointToASitemapIndexWhoseFilesListEveryPaperAndDay() throws Exception {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            Fixture.load(site);
            String robots = site.body("/robots.txt");
            assertTrue(robots.contains("User-agent: *\n"));
            assertTrue(robots.contains("Disallow: /api/\n") && robots.contains("Disallow: /search\n"));
            assertTrue(robots.contains("Sitemap: https://papers.example.org/sitemap.xml\n"), robots);

            Document index = xml(site.body("/sitemap.xml"));
            assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
            List<String> files = texts(index, SITEMAP_NS, "loc");
            assertEquals(List.of("https://papers.example.org/sitemaps/papers-1.xml", "https://papers.example.org/sitemaps/papers-2.xml",
                    "https://papers.example.org/sitemaps/papers-3.xml", "https://papers.example.org/sitemaps/days-1.xml",
                    "https://papers.example.org/sitemaps/days-2.xml"), files, "7 papers and 4 days, 3 URLs a file");
            Set<String> urls = new HashSet<>();
            for (String f : files) {
                Document d = xml(site.body(f.substring("https://papers.example.org".length())));
                List<String> locs = texts(d, SITEMAP_NS, "loc");
                assertTrue(locs.size() <= TestSite.SITEMAP_URLS_PER_FILE && !locs.isEmpty(), f);
                assertEquals(locs.size(), texts(d, SITEMAP_NS, "lastmod").size(), "a lastmod per URL");
                urls.addAll(locs);
            }
            for (String id : List.of("2611.00001", "2611.00002", "2611.00003", "2611.00004", "2611.00005", "hep-th/9901001", "2612.00001")) {
                assertTrue(urls.contains("https://papers.example.org/papers/" + id), id);
            }
            for (String day : List.of("2026-11-20", "2026-11-23", "2026-11-25", "2026-12-01")) {
                assertTrue(urls.contains("https://papers.example.org/papers?date=" + day), day);
            }
            assertEquals(11, urls.size());
            assertEquals(404, site.get("/sitemaps/papers-4.xml").statusCode());
            assertEquals(404, site.get("/sitemaps/other.xml").statusCode());
        }
    }

    @Test
    void browsersFindTheSearchEngine() throws Exception {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            HttpResponse<String> r = site.get("/opensearch.xml");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/opensearchdescription+xml"));
            Document d = xml(r.body());
            String ns = "http://a9.com/-/spec/opensearch/1.1/";
            assertEquals(List.of("Paperboy"), texts(d, ns, "ShortName"));
            Element html = (Element) d.getElementsByTagNameNS(ns, "Url").item(0);
            assertEquals("text/html", html.getAttribute("type"));
            assertEquals("https://papers.example.org/search?q={searchTerms}", html.getAttribute("template"));
        }
    }
}
