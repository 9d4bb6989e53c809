package org.paperboy.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which OAI-PMH sets hold which arXiv categories. Both of arXiv's endpoints (the legacy
 * export.arxiv.org/oai2 and oaipmh.arxiv.org/oai) serve the archive-level sets ({@code cs},
 * {@code math}, {@code physics:hep-th} ...); only the new one also has per-category sets
 * ({@code cs:cs:AI}). Paperboy harvests each needed archive set once and keeps the records whose
 * categories meet the wanted ones: one pass per archive instead of one per category (a paper in
 * cs.AI and cs.LG arrives once), and it works on either endpoint.
 */
public final class ArxivSets {
    private static final Set<String> PHYSICS_ARCHIVES = Set.of("astro-ph", "cond-mat", "gr-qc", "hep-ex", "hep-lat",
            "hep-ph", "hep-th", "math-ph", "nlin", "nucl-ex", "nucl-th", "physics", "quant-ph");

    private ArxivSets() {}

    /** The set holding a category: cs.AI -> cs, hep-th -> physics:hep-th, astro-ph.GA -> physics:astro-ph. */
    public static String setOf(String category) {
        int dot = category.indexOf('.');
        String archive = dot < 0 ? category : category.substring(0, dot);
        return PHYSICS_ARCHIVES.contains(archive) ? "physics:" + archive : archive;
    }

    /** Sets to harvest, each with the wanted categories it holds, in the order first needed. */
    public static Map<String, List<String>> forCategories(List<String> categories) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (String c : categories) sets.computeIfAbsent(setOf(c), s -> new ArrayList<>()).add(c);
        return sets;
    }
}
