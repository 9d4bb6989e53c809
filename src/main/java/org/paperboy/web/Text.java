package org.paperboy.web;

import java.util.ArrayList;
import java.util.List;

/** Small text shaping for pages: arXiv abstracts keep hard line wraps that HTML should not. */
public final class Text {

    private Text() {}

    /**
     * Paragraphs of an arXiv abstract. A blank line, or a line that starts indented (arXiv's
     * convention for a new paragraph), begins a new paragraph; other line breaks are wraps.
     */
    public static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        StringBuilder current = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            boolean breaks = line.isBlank() || (Character.isWhitespace(line.charAt(0)) && !current.isEmpty());
            if (breaks && !current.isEmpty()) {
                out.add(current.toString());
                current.setLength(0);
            }
            String s = line.strip();
            if (s.isEmpty()) continue;
            if (!current.isEmpty()) current.append(' ');
            current.append(s);
        }
        if (!current.isEmpty()) out.add(current.toString());
        return out;
    }

    /** The abstract as one flowing paragraph, for previews and feeds. */
    /** Null becomes "", and a text longer than {@code max} characters is cut there. */
    public static String clip(String text, int max) {
        if (text == null) return "";
        return text.length() <= max ? text : text.substring(0, max);
    }

    public static String oneLine(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = !b.isEmpty();
                continue;
            }
            if (space) b.append(' ');
            space = false;
            b.append(c);
        }
        return b.toString();
    }
}
