package org.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits arXiv's one-line author lists ("A. Smith, B. Jones (MIT), and C. Wu") into names, in
 * order. A parenthesised part after a name is its affiliation; commas inside parentheses do not split.
 */
final class AuthorList {
    record Named(String name, String affiliation) {}

    private AuthorList() {}

    static List<Named> split(String text) {
        List<Named> out = new ArrayList<>();
        if (text == null) return out;
        String s = Text.collapse(text);
        StringBuilder part = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth = Math.max(0, depth - 1);
            if (depth == 0 && (c == ',' || c == ';')) {
                add(out, part);
                continue;
            }
            if (depth == 0 && s.startsWith(" and ", i)) {
                add(out, part);
                i += 4;
                continue;
            }
            part.append(c);
        }
        add(out, part);
        return out;
    }

    private static void add(List<Named> out, StringBuilder part) {
        String p = part.toString().strip();
        part.setLength(0);
        if (p.startsWith("and ")) p = p.substring(4).strip();
        if (p.isEmpty()) return;
        String affiliation = null;
        int open = p.indexOf('(');
        if (open > 0 && p.endsWith(")")) {
            affiliation = p.substring(open + 1, p.length() - 1).strip();
            p = p.substring(0, open).strip();
        }
        if (!p.isEmpty()) out.add(new Named(p, affiliation));
    }
}
