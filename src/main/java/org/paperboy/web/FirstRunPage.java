package org.paperboy.web;

import java.util.List;

/** Shown instead of an empty listing while the catalog holds no paper at all (first-run.jte). */
public record FirstRunPage(Meta meta, List<String> harvestCategories, String harvestInterval, boolean harvestEnabled, String dataDir,
                           String harvestError) {
    public FirstRunPage(Meta meta, List<String> harvestCategories, String harvestInterval, boolean harvestEnabled, String dataDir) {
        this(meta, harvestCategories, harvestInterval, harvestEnabled, dataDir, null);
    }
}
