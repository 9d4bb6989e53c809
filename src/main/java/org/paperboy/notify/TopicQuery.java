package org.paperboy.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A saved search, parsed: {@code cat:cs.CL}, {@code author:Name} (quoted for several words),
 * {@code "a phrase"} and bare words. Every part must match (AND). Text parts are lower-cased for a
 * case-insensitive match on title and abstract.
 */
public record TopicQuery(String text, List<String> categories, List<String> authors, List<String> phrases) {
    public static final int MAX_LENGTH = 200;
    public static final int MAX_TOPICS = 20;

    public TopicQuery {
        categories = List.copyOf(categories);
        authors = List.copyOf(authors);
        phrases = List.copyOf(phrases);
    }

    /** Parses one saved search, or throws {@link InvalidInput} naming what is wrong. */
    public static TopicQuery parse(String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidInput("A topic cannot be empty.");
        String text = raw.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_LENGTH) throw new InvalidInput("A topic can be at most " + MAX_LENGTH + " characters long.");
        List<String> cats = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            String prefix = prefixAt(text, i);
            int start = i + prefix.length();
            int end;
            String value;
            if (start < text.length() && text.charAt(start) == '"') {
                end = text.indexOf('"', start + 1);
                if (end < 0) throw new InvalidInput("Unbalanced quote in topic '" + text + "'.");
                value = text.substring(start + 1, end).strip();
                end++;
            } else {
                end = text.indexOf(' ', start);
                if (end < 0) end = text.length();
                value = text.substring(start, end);
            }
            if (value.isEmpty() || value.contains("\"")) throw new InvalidInput("Topic '" + text + "' has an empty or malformed part.");
            switch (prefix) {
                case "cat:" -> cats.add(category(value, text));
                case "author:" -> authors.add(value.toLowerCase(Locale.ROOT));
                default -> phrases.add(value.toLowerCase(Locale.ROOT));
            }
            i = end;
        }
        return new TopicQuery(text, cats, authors, phrases);
    }

    /** Validates a list of topics from a form or JSON: at most {@link #MAX_TOPICS}, duplicates dropped. */
    public static List<String> validate(List<String> topics) {
        if (topics == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String t : topics) {
            if (t == null || t.isBlank()) continue;
            String text = parse(t).text();
            if (!out.contains(text)) out.add(text);
        }
        if (out.size() > MAX_TOPICS) throw new InvalidInput("At most " + MAX_TOPICS + " topics per subscription.");
        return List.copyOf(out);
    }

    private static String prefixAt(String text, int i) {
        String rest = text.substring(i).toLowerCase(Locale.ROOT);
        if (rest.startsWith("cat:")) return "cat:";
        if (rest.startsWith("author:")) return "author:";
        return "";
    }

    private static String category(String value, String text) {
        if (!value.matches("[A-Za-z-]+(\\.[A-Za-z-]+)?")) throw new InvalidInput("'" + value + "' in topic '" + text + "' is not an arXiv category such as cs.CL.");
        return value;
    }
}
