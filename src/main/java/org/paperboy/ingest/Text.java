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
    static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        appendCollapsed(out, s, skipSpace(s, 0, s.length()), s.length());
        return out.toString();
    }

    /** True when the text may hold a URL, so the costly link search can be skipped for most abstracts. */
    static boolean mayHoldUrl(String s) {
        if (s == null) return false;
        return s.contains("://") || s.contains("www.") || s.contains("WWW.") || s.contains("Www.");
    }

    /** Abstracts: wraps collapsed, paragraphs kept (joined by "\n"); blank gives null. One pass, as it runs for every record. */
    public static String paragraphs(String s) {
        if (s == null) return null;
        int indent = commonIndent(s);
        StringBuilder out = new StringBuilder(s.length());
        boolean paragraphOpen = false;
        int pos = 0;
        int n = s.length();
        while (pos <= n) {
            int nl = s.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            int lineEnd = end > pos && s.charAt(end - 1) == '\r' ? end - 1 : end;
            int first = skipSpace(s, pos, lineEnd);
            if (first == lineEnd) {
                paragraphOpen = false;
            } else {
                boolean startsParagraph = !paragraphOpen || first - pos > indent;
                if (out.length() > 0) out.append(startsParagraph ? '\n' : ' ');
                appendCollapsed(out, s, first, lineEnd);
                paragraphOpen = true;
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * Appends s[from, to) with inner whitespace runs as one space and trailing whitespace dropped.
     * Copies runs in bulk: a single space between words is kept as it is.
     */
    private static void appendCollapsed(StringBuilder out, String s, int from, int to) {
        int segment = from;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == ' ' && i + 1 < to && !Character.isWhitespace(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, segment, i);
            int next = skipSpace(s, i, to);
            if (next < to) out.append(' ');
            segment = next;
            i = next;
        }
        out.append(s, segment, to);
    }

    private static int skipSpace(String s, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** The least indentation of the non-blank lines after the first (the first often follows a tag). */
    private static int commonIndent(String s) {
        int min = Integer.MAX_VALUE;
        int firstIndent = -1;
        int pos = 0;
        int n = s.length();
        while (pos <= n) {
            int nl = s.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            int first = skipSpace(s, pos, end);
            if (first < end) {
                if (firstIndent < 0) firstIndent = first - pos;
                else min = Math.min(min, first - pos);
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (min == Integer.MAX_VALUE) return Math.max(firstIndent, 0);
        return min;
    }

    /** Null for null or blank, the stripped text otherwise. */
    public static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
