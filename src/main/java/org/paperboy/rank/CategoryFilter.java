package org.paperboy.rank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arXiv categories a listing is limited to (any of them matches). Given as repeated
 * {@code cat} parameters, comma- or space-separated, or both; kept in a stable sorted order so
 * that equal filters make equal cache keys and URLs.
 */
public record CategoryFilter(List<String> categories) {

    /** arXiv category names: {@code cs.CL}, {@code hep-th}, {@code math.AG}, {@code q-bio.NC}, {@code astro-ph.CO}. */
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]{0,15}(\\.[A-Za-z][A-Za-z-]{0,15})?");
    public static final int MAX_CATEGORIES = 20;
    public static final CategoryFilter NONE = new CategoryFilter(List.of());

    public CategoryFilter {
        categories = List.copyOf(categories);
    }

    public static CategoryFilter parse(List<String> values) {
        if (values == null || values.isEmpty()) return NONE;
        Set<String> cats = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split("[,\\s]+")) {
                if (part.isEmpty()) continue;
                if (!CATEGORY.matcher(part).matches()) {
                    String shown = part.length() > 30 ? part.substring(0, 30) + "…" : part;
                    throw new PeriodException("'" + shown + "' is not an arXiv category (e.g. cs.CL, hep-th, math.AG)");
                }
                if (!ArxivTaxonomy.knowsArchive(ArxivTaxonomy.archiveOf(part))) {
                    throw new PeriodException("'" + part + "' is not an arXiv category: no archive '" + ArxivTaxonomy.archiveOf(part)
                            + "' (e.g. cs, math, hep-th, or a category such as cs.CL)");
                }
                cats.add(part);
            }
        }
        if (cats.size() > MAX_CATEGORIES) throw new PeriodException("at most " + MAX_CATEGORIES + " categories at once");
        List<String> sorted = new ArrayList<>(cats);
        sorted.sort(null);
        return new CategoryFilter(sorted);
    }

    /** The stored categories this filter matches: an archive ({@code cs}) stands for each of its categories. */
    public List<String> expanded() {
        Set<String> all = new LinkedHashSet<>();
        for (String c : categories) all.addAll(ArxivTaxonomy.expand(c));
        return List.copyOf(all);
    }

    public boolean isEmpty() {
        return categories.isEmpty();
    }

    public boolean has(String category) {
        return categories.contains(category);
    }

    /** This filter with {@code category} switched on or off, as a filter chip links to. */
    public CategoryFilter toggle(String category) {
        List<String> next = new ArrayList<>(categories);
        if (!next.remove(category)) next.add(category);
        next.sort(null);
        return new CategoryFilter(next);
    }

    /** The value of one {@code cat} parameter ("cs.CL,cs.LG"), empty when there is no filter. */
    public String param() {
        return String.join(",", categories);
    }
}
