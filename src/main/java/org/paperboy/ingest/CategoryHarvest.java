package org.paperboy.ingest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.paperboy.paper.Paper;

/**
 * Harvests the papers of some arXiv categories: each archive set once (see {@link ArxivSets}),
 * keeping the records that have at least one wanted category. With an explicit set instead,
 * every record of the set is kept.
 */
public final class CategoryHarvest {
    private final OaiHarvester harvester;

    public CategoryHarvest(OaiHarvester harvester) {
        this.harvester = harvester;
    }

    public List<OaiHarvester.Result> categories(URI endpoint, List<String> categories, LocalDate from, LocalDate until,
                                                String metadataPrefix, OaiHarvester.Listener listener) throws InterruptedException {
        List<OaiHarvester.Result> results = new ArrayList<>();
        for (Map.Entry<String, List<String>> set : ArxivSets.forCategories(categories).entrySet()) {
            List<String> wanted = set.getValue();
            Predicate<Paper> keep = p -> p.categories().stream().anyMatch(wanted::contains);
            results.add(harvester.harvest(new OaiHarvester.Request(endpoint, set.getKey(), from, until, metadataPrefix), keep, listener));
        }
        return results;
    }

    public OaiHarvester.Result set(URI endpoint, String set, LocalDate from, LocalDate until, String metadataPrefix,
                                   OaiHarvester.Listener listener) throws InterruptedException {
        return harvester.harvest(new OaiHarvester.Request(endpoint, set, from, until, metadataPrefix), p -> true, listener);
    }
}
