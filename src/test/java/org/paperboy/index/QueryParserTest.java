package org.paperboy.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

    @Test
    void freeWordsAndPhrases() {
        ParsedQuery q = QueryParser.parse("  attention \"induction heads\" transformers ");
        assertEquals("attention transformers", q.words());
        assertEquals(List.of("induction heads"), q.phrases());
        assertFalse(q.hasFilters());
        assertEquals("attention transformers induction heads", q.semanticText());
    }

    @Test
    void everyFilterCombinedWithText() {
        ParsedQuery q = QueryParser.parse("sparse attention author:\"Yann LeCun\" author:bengio cat:cs.CL cat:cs.LG "
                + "after:2025-06-01 before:2026-01 has:code");
        assertEquals("sparse attention", q.words());
        assertEquals(List.of("Yann LeCun", "bengio"), q.authors());
        assertEquals(List.of("cs.CL", "cs.LG"), q.categories());
        assertEquals(LocalDate.of(2025, 6, 1), q.after());
        assertEquals(LocalDate.of(2026, 1, 1), q.before());
        assertTrue(q.hasCode());
        assertTrue(q.arxivId().isEmpty());
    }

    @Test
    void filtersAloneAreAQuery() {
        ParsedQuery q = QueryParser.parse("cat:math after:2025");
        assertFalse(q.hasText());
        assertEquals(List.of("math"), q.categories());
        assertEquals(LocalDate.of(2025, 1, 1), q.after());
    }

    @Test
    void filterNamesAreCaseInsensitiveAndUnknownPrefixesAreText() {
        ParsedQuery q = QueryParser.parse("Author:hinton re:invent");
        assertEquals(List.of("hinton"), q.authors());
        assertEquals("re:invent", q.words());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2503.11731", "2503.11731v2", "arXiv:2503.11731", "https://arxiv.org/abs/2503.11731v3",
            "http://arxiv.org/pdf/2503.11731", "https://arxiv.org/pdf/2503.11731v1.pdf", "arxiv.org/abs/2503.11731"})
    void anArxivIdOrUrlOpensThePaper(String input) {
        assertEquals("2503.11731", QueryParser.parse(input).arxivId().orElseThrow().base());
    }

    @Test
    void oldStyleIds() {
        assertEquals("hep-th/9901001", QueryParser.parse("https://arxiv.org/abs/hep-th/9901001v2").arxivId().orElseThrow().base());
    }

    @Test
    void anIdInsideOtherWordsIsText() {
        ParsedQuery q = QueryParser.parse("2503.11731 follow-up");
        assertTrue(q.arxivId().isEmpty());
        assertEquals("2503.11731 follow-up", q.words());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"unclosed phrase", "after:2025-13-01", "before:yesterday", "has:data", "cat:", "cat:c$",
            "after:2026-01-01 before:2025-01-01", "author:"})
    void badQueriesGetAFriendlyMessage(String input) {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse(input));
        assertFalse(e.getMessage().isBlank());
        assertFalse(e.getMessage().contains("Exception"));
    }

    @Test
    void anOverlongQueryIsRefused() {
        assertThrows(QueryException.class, () -> QueryParser.parse("a ".repeat(QueryParser.MAX_LENGTH)));
    }

    @Test
    void emptyQuotesAreIgnored() {
        assertEquals("word", QueryParser.parse("word \"\"").words());
    }
}
