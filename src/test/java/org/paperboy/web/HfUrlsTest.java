package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.TestDatabases;

/** Hugging Face's page URLs answered here: the day at /papers/date/{day}, a paper as Markdown at /papers/{id}.md. */
class HfUrlsTest {

    @TempDir
    Path tmp;

    @Test
    void dayUrlAndMarkdownPage() {
        try (TestSite site = new TestSite(TestDatabases.Kind.SQLITE, tmp)) {
            Fixture.load(site);
            String hfDay = site.body("/papers/date/2026-11-23");
            String ours = site.body("/papers?date=2026-11-23");
            for (String title : List.of("Alpha: attention", "Bravo: vision", "Charlie: language and learning", "Delta: learning")) {
                assertTrue(hfDay.contains(title) && ours.contains(title), title);
            }
            assertEquals(400, site.get("/papers/date/2026-13-40").statusCode());

            HttpResponse<String> md = site.get("/papers/2611.00004.md");
            assertEquals(200, md.statusCode());
            assertTrue(md.headers().firstValue("content-type").orElse("").startsWith("text/markdown"));
            String text = md.body();
            assertTrue(text.startsWith("# Delta: learning\n"), text);
            assertTrue(text.contains("**Authors:** Ada Lovelace, Charles Babbage"), text);
            assertTrue(text.contains("First line of the abstract wrapped by arXiv.\n\nA second paragraph."), text);
            assertTrue(text.contains("- arXiv: https://arxiv.org/abs/2611.00004"), text);
            assertTrue(text.contains("- Code: https://github.com/ada/delta"), text);
            assertTrue(text.contains("- Paper page: https://papers.example.org/papers/2611.00004"), text);
            assertEquals(200, site.get("/papers/hep-th/9901001.md").statusCode());
            assertEquals(404, site.get("/papers/2401.99999.md").statusCode());
        }
    }
}
