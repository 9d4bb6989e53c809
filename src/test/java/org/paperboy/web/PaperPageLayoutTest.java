package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.enrich.ThumbnailStore;
import org.paperboy.paper.CodeLink;
import org.paperboy.store.TestDatabases;

/** The paper page's side column (thumbnail, PDF/arXiv/code/BibTeX) and the thumbnail route. */
class PaperPageLayoutTest {

    @TempDir
    static Path tmp;
    static TestSite site;

    @BeforeAll
    static void start() {
        site = new TestSite(TestDatabases.Kind.SQLITE, tmp);
        site.add(TestSite.paper("2611.00004", "Delta: <learning> & more", Fixture.DAY,
                List.of(new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/ada/delta.git")), "cs.LG"),
                TestSite.paper("2611.00005", "Echo", Fixture.DAY, "cs.CV"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theSideColumnHasTheThumbnailAndTheButtonsWithTheRepositoryName() {
        String html = site.body("/papers/2611.00004");
        int side = html.indexOf("<aside class=\"paper-side\"");
        assertTrue(side > 0);
        assertTrue(html.indexOf("src=\"/papers/2611.00004/thumbnail\"") > side);
        assertTrue(html.contains(">GitHub: ada/delta</a>"), "the repository's name, not its URL");
        assertTrue(html.contains(">BibTeX</a>") && html.contains(">PDF</a>"));
    }

    @Test
    void repositoryNames() {
        assertEquals("ada/delta", PaperPage.repositoryName("https://github.com/ada/delta/tree/main/src"));
        assertEquals("org/model", PaperPage.repositoryName("https://huggingface.co/org/model"));
        assertEquals("example.org/project", PaperPage.repositoryName("https://www.example.org/project/"));
    }

    @Test
    void aPlaceholderUntilTheThumbnailExistsThenThePngWithLongCaching() throws Exception {
        HttpResponse<String> placeholder = site.get("/papers/2611.00005/thumbnail");
        assertEquals(200, placeholder.statusCode());
        assertTrue(placeholder.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(placeholder.body().contains(">cs.CV</text>") && placeholder.body().contains(">Echo</text>"), placeholder.body());
        String hostile = site.get("/papers/2611.00004/thumbnail").body();
        assertTrue(hostile.contains("&lt;learning&gt;") && hostile.contains("&amp;") && !hostile.contains("<learning>"), hostile);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        new ThumbnailStore(tmp).write("2611.00005", png);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + site.server.port() + "/papers/2611.00005/thumbnail")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(PaperRoutes.THUMBNAIL_CACHE, r.headers().firstValue("Cache-Control").orElseThrow());
        assertArrayEquals(png, r.body());
        assertEquals(404, site.get("/papers/2611.09999/thumbnail").statusCode());
    }

    @Test
    void placeholderTitlesLoseTheirLatex() {
        assertEquals("mu P width: transfer", PlaceholderThumbnail.plain("$\\mu$ P width: \\emph{transfer}"));
        List<String> lines = PlaceholderThumbnail.wrap("word ".repeat(60));
        assertEquals(PlaceholderThumbnail.MAX_LINES, lines.size());
        assertTrue(lines.get(lines.size() - 1).endsWith("…"));
    }
}
