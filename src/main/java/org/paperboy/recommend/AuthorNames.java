package org.paperboy.recommend;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paperboy.paper.Author;

/**
 * Blanks a paper's own author names out of its text before the recommender reads it, so that a
 * reader's model learns what the papers are about and never who wrote them: names turn up in
 * project-page links ({@code jsmith.github.io}), acknowledgements and comments. A name is matched
 * as a whole run of letters, in each part of three letters or more, two neighbouring parts joined
 * ("johnsmith") and an initial joined to the next part ("jsmith").
 */
final class AuthorNames {
    static final int MIN_LENGTH = 3;

    private AuthorNames() {}

    /** The lower-case forms of these authors' names that {@link #blank} removes. */
    static Set<String> forms(List<Author> authors) {
        Set<String> forms = new HashSet<>();
        for (Author a : authors) {
            String[] parts = a.name().toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].isEmpty()) continue;
                add(forms, parts[i]);
                if (i + 1 == parts.length) continue;
                add(forms, parts[i] + parts[i + 1]);
                add(forms, parts[i].charAt(0) + parts[i + 1]);
            }
        }
        return forms;
    }

    private static void add(Set<String> forms, String form) {
        if (form.length() >= MIN_LENGTH) forms.add(form);
    }

    /** The text with every run of letters that is one of {@code forms} (ignoring case) replaced by spaces. */
    static String blank(String text, Set<String> forms) {
        if (text == null || text.isEmpty() || forms.isEmpty()) return text;
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && Character.isLetter(text.charAt(end))) end++;
            if (forms.contains(text.substring(i, end).toLowerCase(Locale.ROOT))) {
                if (out == null) out = new StringBuilder(text);
                for (int k = i; k < end; k++) out.setCharAt(k, ' ');
            }
            i = end;
        }
        return out == null ? text : out.toString();
    }
}
