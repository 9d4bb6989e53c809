package org.paperboy.web;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;

/**
 * A paper as a BibTeX {@code @misc} entry in arXiv's recommended form (eprint, archivePrefix,
 * primaryClass). arXiv's titles are already TeX, so math stays math ({@code GenM$^3$}) and
 * commands stay commands; only what would break BibTeX or LaTeX is escaped.
 */
public final class Bibtex {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    /** Words a key skips, as arXiv's keys do ("Attention Is All You Need" -> attentionneed). */
    private static final Set<String> STOP_WORDS = Set.of("a", "about", "above", "after", "all", "also", "am", "an", "and", "any",
            "are", "as", "at", "be", "been", "being", "between", "both", "but", "by", "can", "do", "does", "doing", "down", "during",
            "each", "for", "from", "further", "had", "has", "have", "having", "how", "i", "if", "in", "into", "is", "it", "its",
            "just", "more", "most", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own",
            "same", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
            "through", "to", "too", "toward", "towards", "under", "until", "up", "us", "very", "via", "was", "we", "were", "what",
            "when", "where", "which", "while", "who", "whom", "why", "will", "with", "you", "your");

    private Bibtex() {}

    public static String of(Paper p) {
        return entry(p, key(p));
    }

    /** Several papers, one file: keys that would repeat get a, b, c... in the given order, as BibTeX needs unique keys. */
    public static String all(List<Paper> papers) {
        Map<String, Integer> seen = new HashMap<>();
        for (Paper p : papers) seen.merge(key(p), 1, Integer::sum);
        Map<String, Integer> used = new HashMap<>();
        StringBuilder b = new StringBuilder();
        for (Paper p : papers) {
            String key = key(p);
            if (seen.get(key) > 1) key = key + suffix(used.merge(key, 1, Integer::sum) - 1);
            b.append(entry(p, key)).append('\n');
        }
        return b.toString();
    }

    /** a..z, then aa, ab, ... */
    static String suffix(int n) {
        return n < 26 ? String.valueOf((char) ('a' + n)) : suffix(n / 26 - 1) + (char) ('a' + n % 26);
    }

    private static String entry(Paper p, String key) {
        LocalDate date = date(p);
        StringBuilder b = new StringBuilder();
        b.append("@misc{").append(key).append(",\n");
        field(b, "title", "{" + escape(p.title()) + "}");
        field(b, "author", "{" + p.authors().stream().map(Author::name).map(Bibtex::escape).collect(Collectors.joining(" and ")) + "}");
        if (date != null) {
            field(b, "year", String.valueOf(date.getYear()));
            field(b, "month", MONTHS[date.getMonthValue() - 1]);
        }
        field(b, "eprint", "{" + p.id().base() + "}");
        field(b, "archivePrefix", "{arXiv}");
        if (p.primaryCategory() != null) field(b, "primaryClass", "{" + escape(p.primaryCategory()) + "}");
        List<String> dois = Dois.split(p.doi());
        // the doi field holds one DOI (biblatex and Zotero read it as one); the others go to a note
        if (!dois.isEmpty()) field(b, "doi", "{" + dois.get(0) + "}");
        if (dois.size() > 1) field(b, "note", "{Also DOI " + String.join(", DOI ", dois.subList(1, dois.size())) + "}");
        field(b, "url", "{https://arxiv.org/abs/" + p.id().base() + "}");
        b.setLength(b.length() - 2);
        return b.append("\n}\n").toString();
    }

    private static LocalDate date(Paper p) {
        return p.submitted() != null ? p.submitted() : p.listingDate();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" = ").append(value).append(",\n");
    }

    /**
     * Citation key in arXiv's style: first author's surname, year, the first two significant
     * title words, in lower-case ASCII ({@code vaswani2017attentionneed}).
     */
    static String key(Paper p) {
        LocalDate date = date(p);
        String surname = p.authors().isEmpty() ? "anonymous" : ascii(surname(p.authors().get(0).name()));
        String key = surname + (date == null ? "" : String.valueOf(date.getYear())) + significantWords(p.title(), 2);
        return key.isEmpty() ? "arXiv" + p.id().base().replaceAll("[^0-9A-Za-z]", "") : key;
    }

    /** The last word of a name, or the part before the comma of "Surname, Given". */
    private static String surname(String name) {
        int comma = name.indexOf(',');
        if (comma > 0) return name.substring(0, comma).strip().replaceAll("\\s+", "");
        String[] parts = name.strip().split("\\s+");
        return parts[parts.length - 1];
    }

    private static String significantWords(String title, int n) {
        String plain = title.replaceAll("\\$[^$]*\\$", " ").replaceAll("\\\\[A-Za-z]+", " ");
        StringBuilder b = new StringBuilder();
        int taken = 0;
        for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
            String a = ascii(w);
            if (a.isEmpty() || STOP_WORDS.contains(a)) continue;
            b.append(a);
            if (++taken == n) break;
        }
        return b.toString();
    }

    private static String ascii(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "");
        return plain.toLowerCase(Locale.ROOT);
    }

    /**
     * TeX text made safe for a braced BibTeX field. Math ({@code $...$}) and commands are kept;
     * outside math, an unescaped {@code & % # _} is escaped and a bare {@code ^} becomes
     * {@code \^{}}; a lone {@code $} is literal. Braces are kept when they balance and escaped
     * when they do not, since one stray brace ends or breaks the field.
     */
    static String escape(String s) {
        if (s == null) return "";
        String text = s.replaceAll("\\s+", " ").strip();
        boolean balanced = balanced(text);
        boolean pairedDollars = unescapedDollars(text) % 2 == 0;
        StringBuilder b = new StringBuilder(text.length() + 16);
        boolean math = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                b.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '\\') {
                b.append("\\textbackslash{}");
                continue;
            }
            if (c == '$') {
                if (pairedDollars) {
                    math = !math;
                    b.append(c);
                } else {
                    b.append("\\$");
                }
                continue;
            }
            if ((c == '{' || c == '}') && !balanced) {
                b.append('\\').append(c);
                continue;
            }
            if (math) {
                b.append(c);
                continue;
            }
            switch (c) {
                case '&', '%', '#', '_' -> b.append('\\').append(c);
                case '^' -> b.append("\\^{}");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '{') depth++;
            if (c == '}' && --depth < 0) return false;
        }
        return depth == 0;
    }

    private static int unescapedDollars(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') i++;
            else if (s.charAt(i) == '$') n++;
        }
        return n;
    }
}
