package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.enrich.ThumbnailStore;
import org.paperboy.paper.Paper;

class RenderedThumbnailsTest {

    @TempDir
    Path tmp;

    @Test
    void aPaperHasAThumbnailUrlOnlyOnceItsFirstPageIsRendered() {
        ThumbnailStore files = new ThumbnailStore(tmp);
        RenderedThumbnails urls = new RenderedThumbnails(URI.create("https://papers.example.org"), files);
        Paper p = TestSite.paper("2611.00001", "A paper", Fixture.DAY, "cs.CL");
        assertNull(urls.of(p), "no picture yet: the API's thumbnail is null and og:image absent, never the placeholder");
        files.write("2611.00001", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertEquals("https://papers.example.org/papers/2611.00001/thumbnail", urls.of(p));
    }
}
