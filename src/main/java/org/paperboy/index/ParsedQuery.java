package org.paperboy.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.paperboy.paper.ArxivId;

/**
 * What a search box query asks for: free words, "quoted phrases" and filters. An arXiv id or URL
 * typed alone is not a search at all but a request to open that paper.
 *
 * @param after  listed on or after this day (inclusive), or null
 * @param before listed before this day (exclusive), or null
 */
public record ParsedQuery(
        String words,
        List<String> phrases,
        List<String> authors,
        List<String> categories,
        LocalDate after,
        LocalDate before,
        boolean hasCode,
        Optional<ArxivId> arxivId) {

    public ParsedQuery {
        phrases = List.copyOf(phrases);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    /** Free text only, as the evaluation harness sends BEIR queries. */
    public static ParsedQuery text(String text) {
        return new ParsedQuery(text, List.of(), List.of(), List.of(), null, null, false, Optional.empty());
    }

    public boolean hasText() {
        return !words.isBlank() || !phrases.isEmpty();
    }

    public boolean hasFilters() {
        return !authors.isEmpty() || !categories.isEmpty() || after != null || before != null || hasCode;
    }

    /** The text meaning-based search embeds: words and phrases, without filters. */
    public String semanticText() {
        StringBuilder s = new StringBuilder(words);
        for (String p : phrases) s.append(s.isEmpty() ? "" : " ").append(p);
        return s.toString().strip();
    }
}
