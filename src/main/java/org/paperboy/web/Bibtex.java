package org.paperboy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;

/** A paper as a BibTeX {@code @misc} entry in arXiv's recommended form (eprint, archivePrefix, primaryClass). */
public final class Bibtex {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private Bibtex() {}

    public static String of(Paper p) {
        LocalDate date = p.submitted() != null ? p.submitted() : p.listingDate();
        StringBuilder b = new StringBuilder();
        b.append("@misc{").append(key(p, date)).append(",\n");
        field(b, "title", "{" + escape(p.title()) + "}");
        field(b, "author", "{" + p.authors().stream().map(Author::name).map(Bibtex::escape).collect(Collectors.joining(" and ")) + "}");
        if (date != null) {
            field(b, "year", String.valueOf(date.getYear()));
            field(b, "month", MONTHS[date.getMonthValue() - 1]);
        }
        field(b, "eprint", "{" + p.id().base() + "}");
        field(b, "archivePrefix", "{arXiv}");
        if (p.primaryCategory() != null) field(b, "primaryClass", "{" + escape(p.primaryCategory()) + "}");
        if (p.doi() != null) field(b, "doi", "{" + escape(p.doi()) + "}");
        field(b, "url", "{https://arxiv.org/abs/" + p.id().base() + "}");
        b.setLength(b.length() - 2);
        return b.append("\n}\n").toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" = ").append(value).append(",\n");
    }

    /** Citation key as arXiv and Google Scholar make them: first author's surname, year, first title word. */
    static String key(Paper p, LocalDate date) {
        String surname = p.authors().isEmpty() ? "anonymous" : lastWord(p.authors().get(0).name());
        String word = firstWord(p.title());
        String key = ascii(surname) + (date == null ? "" : String.valueOf(date.getYear())) + ascii(word);
        return key.isEmpty() ? "arXiv" + p.id().base().replaceAll("[^0-9A-Za-z]", "") : key;
    }

    private static String lastWord(String name) {
        String[] parts = name.strip().split("\\s+");
        return parts[parts.length - 1];
    }

    private static String firstWord(String title) {
        List<String> skip = List.of("a", "an", "the", "on", "of", "towards", "toward");
        for (String w : title.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !skip.contains(w.toLowerCase(Locale.ROOT))) return w;
        }
        return "";
    }

    private static String ascii(String s) {
        String plain = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "");
        return plain.toLowerCase(Locale.ROOT);
    }

    /**
     * Escapes BibTeX's special characters so that a title such as "50% of {x} & y_1" survives:
     * braces are balanced by escaping them, and #, $, %, &, _, ~, ^ and \ are made literal.
     */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.replaceAll("\\s+", " ").strip().toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '#', '$', '%', '&', '_' -> b.append('\\').append(c);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
