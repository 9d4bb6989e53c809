package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;

class RenderingHelpersTest {

    @Test
    void abstractsKeepParagraphsButNotHardWraps() {
        assertEquals(List.of("one two", "three four", "five"), Text.paragraphs("one\ntwo\n  three\nfour\n\nfive\n"));
        assertEquals(List.of(), Text.paragraphs("  \n "));
        assertEquals("a b c", Text.oneLine("  a\n b\t\tc  "));
    }

    @Test
    void bibtexEscapesSpecialCharactersAndBuildsTheKey() {
        assertEquals("50\\% \\& {x} \\#1 $y_2$ ~ \\textbackslash{}", Bibtex.escape("50% & {x} #1 $y_2$ ~ \\"), "math and balanced braces stay");
        Paper p = new Paper(new ArxivId("2503.11731", 2), "The Émile\nStudy", List.of(new Author("José Núñez", null), Author.named("B C")),
                "abs", "cs.CL", List.of("cs.CL"), null, null, "10.1/x_y", null, LocalDate.of(2025, 3, 14), null, List.of(),
                LocalDate.of(2025, 3, 18), List.of(), 0, 0);
        String bib = Bibtex.of(p);
        assertTrue(bib.startsWith("@misc{nunez2025emilestudy,\n"), bib);
        assertTrue(bib.contains("  title = {The Émile Study},\n"));
        assertTrue(bib.contains("  author = {José Núñez and B C},\n"));
        assertTrue(bib.contains("  year = 2025,\n  month = mar,\n"));
        assertTrue(bib.contains("  doi = {10.1/x_y},\n"));
        assertTrue(bib.endsWith("  url = {https://arxiv.org/abs/2503.11731}\n}\n"), bib);
    }

    @Test
    void barChartScalesToTheLongestBarAndKeepsTheTop() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) counts.put("c" + i, i * 10);
        BarChart chart = BarChart.of("t", counts, Map.of("c12", "/x"));
        assertEquals(BarChart.MAX_BARS, chart.bars().size());
        assertEquals("c12", chart.bars().get(0).label());
        assertEquals(BarChart.WIDTH - BarChart.LABEL_WIDTH - BarChart.VALUE_WIDTH, chart.bars().get(0).barWidth());
        assertEquals(Math.round(110.0 / 120 * chart.bars().get(0).barWidth()), chart.bars().get(1).barWidth());
        assertEquals("/x", chart.bars().get(0).href());
        assertTrue(chart.description().startsWith("c12: 120, c11: 110"));
        assertTrue(BarChart.of("t", Map.of(), Map.of()).isEmpty());
    }

    @Test
    void cardsNameTheFirstAuthorsThenEtAl() {
        List<Author> six = List.of(Author.named("A"), Author.named("B"), Author.named("C"), Author.named("D"), Author.named("E"), Author.named("F"));
        Paper p = new Paper(new ArxivId("2503.11731", 1), "T", six, "x", "cs.CL", List.of("cs.CL"), null, null, null, null, null,
                null, List.of(), LocalDate.of(2025, 3, 18), List.of(), 3, 1);
        Card c = Card.of(p);
        assertEquals(List.of("A", "B", "C", "D"), c.authors());
        assertEquals(2, c.moreAuthors());
        Paper five = new Paper(p.id(), "T", six.subList(0, 5), "x", "cs.CL", List.of("cs.CL"), null, null, null, null, null,
                null, List.of(), LocalDate.of(2025, 3, 18), List.of(), 3, 1);
        assertEquals(0, Card.of(five).moreAuthors(), "'et al.' never hides a single author");
    }
}
