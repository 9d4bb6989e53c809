package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Math in feeds' HTML: MathML where the TeX is known, the source where it is not, always well-formed. */
class FeedHtmlTest {

    @Test
    void muScriptsAndEmphasisBecomeMathMlAndEm() {
        String html = FeedHtml.inline("$\\mu$P transfers with $x^2_i$ and \\emph{no} tuning");
        assertEquals("<math alttext=\"\\mu\"><mi>μ</mi></math>P transfers with "
                + "<math alttext=\"x^2_i\"><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></math> and <em>no</em> tuning", html);
    }

    @Test
    void commonArxivFormulas() {
        assertEquals("GenM<math alttext=\"^3\"><msup><mrow></mrow><mn>3</mn></msup></math>", FeedHtml.inline("GenM$^3$"));
        assertEquals("<math alttext=\"O(n^{2})\"><mi>O</mi><mo>(</mo><msup><mi>n</mi><mn>2</mn></msup><mo>)</mo></math>",
                FeedHtml.inline("$O(n^{2})$"));
        assertEquals("<math alttext=\"\\frac{1}{\\sqrt{d}}\"><mfrac><mn>1</mn><msqrt><mi>d</mi></msqrt></mfrac></math>",
                FeedHtml.inline("$\\frac{1}{\\sqrt{d}}$"));
        assertEquals("<math alttext=\"x \\in \\mathbb{R}^d\"><mi>x</mi><mo>∈</mo><msup><mi>ℝ</mi><mi>d</mi></msup></math>",
                FeedHtml.inline("$x \\in \\mathbb{R}^d$"));
        assertEquals("<math alttext=\"a &lt; b\"><mi>a</mi><mo>&lt;</mo><mi>b</mi></math>", FeedHtml.inline("\\(a < b\\)"));
        assertEquals("a <math alttext=\"\\times\"><mo>×</mo></math> b, <strong>bold</strong>, <code>code</code>",
                FeedHtml.inline("a \\times b, \\textbf{bold}, \\texttt{code}"), "a bare command is math, as on the pages");
        assertTrue(FeedHtml.inline("$\\left(\\frac{a}{b}\\right)$").contains("<mrow><mo>(</mo><mfrac>"));
        assertTrue(FeedHtml.inline("$\\hat{y}$").contains("<mover accent=\"true\"><mi>y</mi><mo>^</mo></mover>"));
    }

    @Test
    void aFormulaThatCannotBeDrawnShowsItsSource() {
        assertEquals("see $\\frac{a}{$ here", FeedHtml.inline("see $\\frac{a}{$ here"));
        assertEquals("$\\begin{pmatrix} a &amp; b \\end{pmatrix}$", FeedHtml.inline("$\\begin{pmatrix} a & b \\end{pmatrix}$"));
        assertEquals("$x^$", FeedHtml.inline("$x^$"));
        assertEquals("$a}b$", FeedHtml.inline("$a}b$"));
        assertEquals("costs $5 and \\unknown words", FeedHtml.inline("costs $5 and \\unknown words"), "a lone dollar and an unknown command stay text");
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <math alttext=\"&lt;b&gt;\"><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo></math>",
                FeedHtml.inline("<script>alert(1)</script> & $<b>$"));
    }

    @Test
    void paragraphsOfAnAbstract() {
        assertEquals("<p>First line wrapped.</p><p>Second <em>one</em>.</p>", FeedHtml.abstractHtml("First line\nwrapped.\n  Second \\emph{one}."));
    }

    @Test
    void theFeedCarriesTheHtmlSummaryAndStaysValidXml() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 24);
        Paper p = new Paper(ArxivId.of("2611.00001v1"), "$\\mu$P & <friends>", List.of(Author.named("Ada Lovelace")),
                "We scale $\\mu$P to $10^{9}$ params with \\emph{no} tuning, unlike $\\frac{a}{$ <b>bold</b> & co.\n  Also $\\alpha_t \\leq 1$.",
                "cs.LG", List.of("cs.LG"), null, null, null, null, day, null, List.of(new PaperVersion(1, day, "1kb")), day, List.of(), 0, 0);
        String xml = AtomFeed.write("Test", "https://p.example.org/feed.atom", "https://p.example.org/", "https://p.example.org", List.of(p), day);
        Feed feed = FeedConformanceTest.parse(xml);
        FeedConformanceTest.assertRfc4287(feed);
        Entry e = feed.getEntries().get(0);
        assertEquals("html", e.getSummary().getType());
        String html = e.getSummary().getValue();
        assertTrue(html.startsWith("<p>We scale <math alttext=\"\\mu\"><mi>μ</mi></math>P to <math alttext=\"10^{9}\"><msup><mn>10</mn><mn>9</mn></msup></math>"), html);
        assertTrue(html.contains("<em>no</em>") && html.contains("$\\frac{a}{$ &lt;b&gt;bold&lt;/b&gt; &amp; co.</p><p>Also "), html);
        assertFalse(html.contains("<b>"), "the abstract's own markup is text");
        assertEquals("$\\mu$P & <friends>", e.getTitleEx().getValue(), "titles stay text: readers show them as such");
        // what a reader gets is well-formed markup too (every element closed), not only escaped into the feed
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<div>" + html + "</div>")));
        assertEquals(3, doc.getElementsByTagName("math").getLength(), "three formulas drawn, the malformed one kept as source");
    }
}
