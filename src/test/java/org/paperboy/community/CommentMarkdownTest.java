package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommentMarkdownTest {
    private final CommentMarkdown md = new CommentMarkdown();

    @Test
    void rendersMarkdownAndEscapesRawHtml() {
        assertEquals("<p><em>a</em> &lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt;</p>\n", md.toHtml("*a* <b onclick=\"x\">b</b>"));
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", md.toHtml("<script>alert(1)</script>"));
    }

    @Test
    void onlyHttpHttpsMailtoAndRelativeLinksSurviveAndAllAreNofollowUgc() {
        assertEquals("<p><a rel=\"nofollow ugc\" href=\"https://x.org/\">x</a></p>\n", md.toHtml("[x](https://x.org/)"));
        assertEquals("<p><a rel=\"nofollow ugc\" href=\"mailto:a@b.org\">m</a></p>\n", md.toHtml("[m](mailto:a@b.org)"));
        assertEquals("<p><a rel=\"nofollow ugc\" href=\"/papers/2501.00001\">p</a></p>\n", md.toHtml("[p](/papers/2501.00001)"));
        for (String bad : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:x", "data:text/html,x", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)"}) {
            String html = md.toHtml("[x](" + bad + ")");
            assertTrue(html.contains("href=\"#\""), bad + " -> " + html);
        }
        assertEquals("#", CommentMarkdown.safeUrl("java\tscript:alert(1)"));
        assertEquals("#", CommentMarkdown.safeUrl(" \u0000javascript:alert(1)"));
    }

    @Test
    void autolinksAndImagesBecomeSafeLinks() {
        String html = md.toHtml("<javascript:alert(1)> ![t](https://img.example/a.png)");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("href=\"javascript"), html);
        assertTrue(html.contains("<a rel=\"nofollow ugc\" href=\"https://img.example/a.png\">t</a>"), html);
    }
}
