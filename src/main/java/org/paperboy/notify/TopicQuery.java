package org.paperboy.notify;

import java.util.ArrayList;
import java.util.List;
import org.paperboy.index.ParsedQuery;
import org.paperboy.index.QueryException;
import org.paperboy.index.QueryParser;

/**
 * Saved searches ("topics") are written in the search box's own language, and parsed by its own
 * parser, so that a topic saved here means the same wherever it runs: through the index in serve,
 * through the catalog from the command line.
 */
public final class TopicQuery {
    public static final int MAX_LENGTH = 200;
    public static final int MAX_TOPICS = 20;

    private TopicQuery() {}

    /** Parses one saved search, or throws {@link InvalidInput} naming what is wrong. */
    public static ParsedQuery parse(String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidInput("A topic cannot be empty.");
        String text = normalized(raw);
        if (text.length() > MAX_LENGTH) throw new InvalidInput("A topic can be at most " + MAX_LENGTH + " characters long.");
        ParsedQuery q;
        try {
            q = QueryParser.parse(text);
        } catch (QueryException e) {
            throw new InvalidInput("Topic '" + text + "': " + e.getMessage());
        }
        if (q.arxivId().isPresent()) throw new InvalidInput("Topic '" + text + "' is one paper's id; a topic is a search, such as cat:cs.CL or \"attention sink\".");
        return q;
    }

    /** Validates a list of topics from a form or JSON: at most {@link #MAX_TOPICS}, duplicates dropped. */
    public static List<String> validate(List<String> topics) {
        if (topics == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String t : topics) {
            if (t == null || t.isBlank()) continue;
            parse(t);
            String text = normalized(t);
            if (!out.contains(text)) out.add(text);
        }
        if (out.size() > MAX_TOPICS) throw new InvalidInput("At most " + MAX_TOPICS + " topics per subscription.");
        return List.copyOf(out);
    }

    private static String normalized(String raw) {
        return raw.strip().replaceAll("\\s+", " ");
    }
}
