package org.paperboy.web;

import java.util.List;

/**
 * An author's page (author.jte): their papers in the catalog, newest first, with papers per
 * category and per year, an initials avatar and a Follow link (a topic alert on the name).
 */
public record AuthorPage(Meta meta, String name, String initials, int hue, List<Card> cards, int total,
                         BarChart byCategory, BarChart byYear, String followHref, String searchHref) {

    /** "Ada Lovelace" gives "AL"; one name gives its first letter; at most two letters. */
    public static String initials(String name) {
        String[] parts = name.strip().split("[\\s.\\-]+");
        StringBuilder s = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty() && Character.isLetter(p.codePointAt(0))) s.appendCodePoint(Character.toUpperCase(p.codePointAt(0)));
        }
        if (s.isEmpty()) return "?";
        String all = s.toString();
        return all.length() <= 2 ? all : all.substring(0, 1) + all.substring(all.length() - 1);
    }

    /** One of twelve avatar colours (CSS classes avatar-0..11), stable per name. */
    public static int hue(String name) {
        return Math.floorMod(name.hashCode(), 12);
    }
}
