package org.paperboy.ingest;

/**
 * Display normalisation of arXiv text. arXiv keeps the submitter's hard line wraps; a paragraph
 * starts at a blank line or a line indented deeper than the text's common indentation (the
 * convention of arXiv's abstracts). Within a paragraph, wraps and runs of spaces become one space;
 * paragraphs are joined by a single newline.
 */
public final class Text {
    private Text() {}

    /** Title and other one-line fields: every whitespace run becomes one space; blank gives null. */
    public static String oneLine(String s) {
        if (s == null) return null;
        String t = collapse(s);
        return t.isEmpty() ? null : t;
    }

    /** Whitespace runs to one space, ends stripped; a hand loop, as this runs for every record. */
    static String collapse(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) out.append(' ');
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /** True when the text may hold a URL, so the costly link search can be skipped for most abstracts. */
    static boolean mayHoldUrl(String s) {
        if (s == null) return false;
        for (int i = 0; i + 4 <= s.length(); i++) {
            char c = s.charAt(i);
            if ((c == 'h' || c == 'H') && s.regionMatches(true, i, "http", 0, 4)) return true;
            if ((c == 'w' || c == 'W') && s.regionMatches(true, i, "www.", 0, 4)) return true;
        }
        return false;
    }

    /** Abstracts: wraps collapsed, paragraphs kept (joined by "\n"); blank gives null. */
    public static String paragraphs(String s) {
        if (s == null) return null;
        String[] lines = s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int indent = commonIndent(lines);
        StringBuilder out = new StringBuilder(s.length());
        StringBuilder para = new StringBuilder();
        boolean first = true;
        for (String line : lines) {
            if (line.isBlank()) {
                first = flush(out, para, first);
                continue;
            }
            if (indentOf(line) > indent && para.length() > 0) first = flush(out, para, first);
            if (para.length() > 0) para.append(' ');
            para.append(line.strip());
        }
        flush(out, para, first);
        String t = out.toString();
        return t.isEmpty() ? null : t;
    }

    private static boolean flush(StringBuilder out, StringBuilder para, boolean first) {
        if (para.length() == 0) return first;
        if (!first) out.append('\n');
        out.append(collapse(para));
        para.setLength(0);
        return false;
    }

    /** The least indentation of the non-blank lines after the first (the first often follows a tag). */
    private static int commonIndent(String[] lines) {
        int min = Integer.MAX_VALUE;
        int firstText = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            if (firstText < 0) {
                firstText = i;
                continue;
            }
            min = Math.min(min, indentOf(lines[i]));
        }
        if (min == Integer.MAX_VALUE) return firstText < 0 ? 0 : indentOf(lines[firstText]);
        return min;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        return i;
    }

    /** Null for null or blank, the stripped text otherwise. */
    public static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
