package org.paperboy.index;

import java.util.Locale;
import java.util.Map;

/**
 * A deterministic stand-in for a real model: words map to concept dimensions (synonyms share
 * one), so that "automobile" is near a text about cars although the words differ. A one-word
 * query is nearest to texts with exactly one word of its concept, then two, then more.
 */
final class FakeEmbedder implements Embedder {
    static final int DIMS = 16;
    private static final Map<String, Integer> CONCEPTS = Map.ofEntries(
            Map.entry("car", 0), Map.entry("cars", 0), Map.entry("automobile", 0), Map.entry("vehicle", 0), Map.entry("vehicles", 0),
            Map.entry("protein", 1), Map.entry("proteins", 1), Map.entry("enzyme", 1),
            Map.entry("galaxy", 2), Map.entry("galaxies", 2), Map.entry("stars", 2),
            Map.entry("language", 3), Map.entry("translation", 3), Map.entry("text", 3),
            Map.entry("speech", 4), Map.entry("audio", 4));

    @Override
    public String model() {
        return "fake-concepts";
    }

    @Override
    public int dimensions() {
        return DIMS;
    }

    @Override
    public float[] embedQuery(String query) {
        return embedDocument(query);
    }

    @Override
    public float[] embedDocument(String text) {
        float[] v = new float[DIMS];
        for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            Integer c = CONCEPTS.get(w);
            if (c != null) v[c] += 1;
        }
        v[DIMS - 1] = 1; // a constant part: a text's distance to a query then depends on how many concept words it has
        return OnnxEmbedder.normalize(v);
    }
}
