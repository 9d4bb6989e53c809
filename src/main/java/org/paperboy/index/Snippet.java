package org.paperboy.index;

import java.util.ArrayList;
import java.util.List;

/**
 * A passage of an abstract with the query's matches marked, as plain text parts: templates escape
 * each part and wrap matches in {@code <mark>}, so no HTML is ever built from paper text here.
 */
public record Snippet(List<Part> parts) {

    public record Part(String text, boolean match) {}

    static final char START = '\uE000';
    static final char END = '\uE001';

    public Snippet {
        parts = List.copyOf(parts);
    }

    /** Splits the highlighter's output, whose matches sit between {@link #START} and {@link #END}. */
    static Snippet parse(String marked) {
        List<Part> parts = new ArrayList<>();
        if (marked == null) return new Snippet(parts);
        StringBuilder cur = new StringBuilder();
        boolean inMatch = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == END) {
                if (!cur.isEmpty()) parts.add(new Part(cur.toString(), inMatch));
                cur.setLength(0);
                inMatch = c == START;
            } else {
                cur.append(c == '\n' ? ' ' : c);
            }
        }
        if (!cur.isEmpty()) parts.add(new Part(cur.toString(), inMatch));
        return new Snippet(parts);
    }

    public String plainText() {
        StringBuilder s = new StringBuilder();
        parts.forEach(p -> s.append(p.text()));
        return s.toString();
    }
}
