package org.paperboy.index;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.paperboy.paper.ArxivId;

/**
 * Parses the search box language: free words, "quoted phrases", {@code author:}, {@code cat:},
 * {@code after:}, {@code before:} and {@code has:code}, in any order and combination. A filter's
 * value may be quoted ({@code author:"Yann LeCun"}). Pure: no index, no I/O.
 */
public final class QueryParser {

    public static final int MAX_LENGTH = 1000;
    private static final Pattern CATEGORY = Pattern.compile("[a-zA-Z-]+(\\.[a-zA-Z-]+)?");
    private static final List<String> FILTERS = List.of("author", "cat", "after", "before", "has");

    private QueryParser() {}

    public static ParsedQuery parse(String input) {
        String q = input == null ? "" : input.strip();
        if (q.isEmpty()) throw new QueryException("Type some words to search for, an arXiv id, or a filter such as cat:cs.CL.");
        if (q.length() > MAX_LENGTH) throw new QueryException("That query is too long (at most " + MAX_LENGTH + " characters).");
        Optional<ArxivId> id = ArxivId.parse(q);
        if (id.isPresent()) return new ParsedQuery("", List.of(), List.of(), List.of(), null, null, false, id);
        return new Builder().parse(tokens(q));
    }

    /** One piece of the query: a word, a phrase, or a filter with its value. */
    record Token(String filter, String value, boolean quoted) {}

    static List<Token> tokens(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            if (Character.isWhitespace(q.charAt(i))) {
                i++;
                continue;
            }
            String filter = null;
            int colon = filterEnd(q, i);
            if (colon > 0) {
                filter = q.substring(i, colon).toLowerCase(Locale.ROOT);
                i = colon + 1;
            }
            if (i < q.length() && q.charAt(i) == '"') {
                int close = q.indexOf('"', i + 1);
                if (close < 0) throw new QueryException("A quotation mark is not closed: add the closing \" to search for that phrase.");
                out.add(new Token(filter, q.substring(i + 1, close).strip(), true));
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') end++;
            out.add(new Token(filter, q.substring(i, end), false));
            i = end;
        }
        return out;
    }

    /** The index of the colon when a known filter name starts at {@code i}, else -1. */
    private static int filterEnd(String q, int i) {
        for (String f : FILTERS) {
            int colon = i + f.length();
            if (colon < q.length() && q.charAt(colon) == ':' && q.regionMatches(true, i, f, 0, f.length())) return colon;
        }
        return -1;
    }

    private static final class Builder {
        final List<String> words = new ArrayList<>();
        final List<String> phrases = new ArrayList<>();
        final List<String> authors = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        LocalDate after;
        LocalDate before;
        boolean hasCode;

        ParsedQuery parse(List<Token> tokens) {
            for (Token t : tokens) add(t);
            if (after != null && before != null && !after.isBefore(before)) {
                throw new QueryException("after:" + after + " and before:" + before + " leave no days to search.");
            }
            ParsedQuery p = new ParsedQuery(String.join(" ", words), phrases, authors, categories, after, before, hasCode, Optional.empty());
            if (!p.hasText() && !p.hasFilters()) throw new QueryException("Type some words to search for.");
            return p;
        }

        void add(Token t) {
            if (t.filter() == null) {
                if (t.value().isEmpty()) return;
                if (t.quoted()) phrases.add(t.value());
                else words.add(t.value());
                return;
            }
            String v = t.value();
            if (v.isEmpty()) throw new QueryException(t.filter() + ": needs a value, for example " + example(t.filter()) + ".");
            switch (t.filter()) {
                case "author" -> authors.add(v);
                case "cat" -> categories.add(category(v));
                case "after" -> after = date("after", v);
                case "before" -> before = date("before", v);
                case "has" -> {
                    if (!v.equalsIgnoreCase("code")) throw new QueryException("has: only knows has:code.");
                    hasCode = true;
                }
                default -> throw new IllegalStateException(t.filter());
            }
        }

        private static String category(String v) {
            if (!CATEGORY.matcher(v).matches()) throw new QueryException("cat:" + v + " is not an arXiv category such as cs.CL or math.");
            return v;
        }

        /** Accepts a day, a month (2025-06: its first day) or a year (its first day). */
        private static LocalDate date(String filter, String v) {
            try {
                if (v.matches("\\d{4}")) return LocalDate.of(Integer.parseInt(v), 1, 1);
                if (v.matches("\\d{4}-\\d{2}")) return YearMonth.parse(v).atDay(1);
                return LocalDate.parse(v);
            } catch (DateTimeException e) {
                throw new QueryException(filter + ":" + v + " is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY.");
            }
        }

        private static String example(String filter) {
            return switch (filter) {
                case "author" -> "author:hinton";
                case "cat" -> "cat:cs.CL";
                case "has" -> "has:code";
                default -> filter + ":2025-06-01";
            };
        }
    }
}
