package org.paperboy.recommend;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

    private AuthorNames() {}

    /** The lower-case forms of these authors' names that {@link #blank} removes. */
    static Set<String> forms(List<Author> authors) {
        Set<String> forms = new HashSet<>();
        for (Author a : authors) {
            String[] parts = NOT_LETTERS.split(lower(a.name()));
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

    /**
     * The text with every run of letters that is one of {@code forms} (ignoring case) replaced by
     * spaces. Each form is looked for in the lower-cased text and kept where no letter touches it:
     * a ranking blanks every candidate's abstract, and this costs a few searches instead of a string
     * per word.
     */
    static String blank(String text, Set<String> forms) {
        if (text == null || text.isEmpty() || forms.isEmpty()) return text;
        String lowered = lower(text);
        StringBuilder out = null;
        for (String form : forms) {
            for (int at = lowered.indexOf(form); at >= 0; at = lowered.indexOf(form, at + 1)) {
                int end = at + form.length();
                if (at > 0 && Character.isLetter(lowered.charAt(at - 1)) || end < lowered.length() && Character.isLetter(lowered.charAt(end))) continue;
                if (out == null) out = new StringBuilder(text);
                for (int k = at; k < end; k++) out.setCharAt(k, ' ');
            }
        }
        return out == null ? text : out.toString();
    }

    /** Lower case one char at a time, so that positions in the result are positions in {@code s}. */
    private static String lower(String s) {
        char[] c = new char[s.length()];
        for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(s.charAt(i));
        return new String(c);
    }
}
