package org.paperboy.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The picture a card shows until a paper's first-page thumbnail exists: a paper-like SVG with
 * its first category and its title, wrapped to a few lines.
 */
final class PlaceholderThumbnail {

    static final int WIDTH = 120;
    static final int HEIGHT = 155;
    static final int LINE_CHARS = 16;
    static final int MAX_LINES = 7;

    private PlaceholderThumbnail() {}

    static String svg(String title, String category) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#f6f8fa\"/>")
                .append("<rect x=\"8\" y=\"8\" width=\"").append(WIDTH - 16).append("\" height=\"18\" rx=\"9\" fill=\"#0b63c4\"/>")
                .append("<text x=\"").append(WIDTH / 2).append("\" y=\"21\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#fff\">")
                .append(escape(category == null ? "arXiv" : category)).append("</text>");
        int y = 44;
        for (String line : wrap(plain(Text.oneLine(title == null ? "" : title)))) {
            s.append("<text x=\"10\" y=\"").append(y).append("\" font-family=\"serif\" font-size=\"12\" fill=\"#1b1f24\">")
                    .append(escape(line)).append("</text>");
            y += 15;
        }
        for (int ly = y + 4; ly < HEIGHT - 8; ly += 8) {
            s.append("<rect x=\"10\" y=\"").append(ly).append("\" width=\"").append(WIDTH - 20).append("\" height=\"3\" fill=\"#d0d7de\"/>");
        }
        return s.append("</svg>").toString();
    }

    /** LaTeX as plain words: \\emph{x} gives x, \\mu gives mu, and $ and braces go. */
    static String plain(String text) {
        return text.replaceAll("\\\\[a-zA-Z]+\\{([^{}]*)\\}", "$1").replaceAll("\\\\([a-zA-Z]+)", "$1").replaceAll("[${}^_]", "");
    }

    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) continue;
            if (!line.isEmpty() && line.length() + 1 + word.length() > LINE_CHARS) {
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() == MAX_LINES) break;
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(word.length() > LINE_CHARS ? word.substring(0, LINE_CHARS - 1) + "…" : word);
        }
        if (lines.size() < MAX_LINES && !line.isEmpty()) lines.add(line.toString());
        if (lines.size() == MAX_LINES && text.length() > String.join(" ", lines).length()) {
            String last = lines.get(MAX_LINES - 1);
            lines.set(MAX_LINES - 1, (last.length() >= LINE_CHARS ? last.substring(0, LINE_CHARS - 1) : last) + "…");
        }
        return lines;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
