package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A catalog held in memory, features computed once per paper on first use (the benchmark's and the tests'). */
public final class MemoryCatalog implements Catalog {
    private final Map<String, Item> byId = new HashMap<>();
    private final Map<LocalDate, List<Item>> byDay = new HashMap<>();
    private final Vocabulary vocabulary;
    private final Map<String, SparseVector> features = new ConcurrentHashMap<>();
    private final Map<String, float[]> vectors;

    public MemoryCatalog(List<Item> items) {
        this(items, Vocabulary.Options.DEFAULT);
    }

    public MemoryCatalog(List<Item> items, Vocabulary.Options options) {
        this(items, options, Map.of());
    }

    /** With the papers' embeddings by id (the benchmark reads them from a data directory). */
    public MemoryCatalog(List<Item> items, Vocabulary.Options options, Map<String, float[]> vectors) {
        this.vectors = vectors;
        for (Item i : items) {
            byId.put(i.id(), i);
            if (i.day() != null) byDay.computeIfAbsent(i.day(), d -> new ArrayList<>()).add(i);
        }
        vocabulary = Vocabulary.build(items, options);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public int size() {
        return byId.size();
    }

    @Override
    public Item item(String id) {
        return byId.get(id);
    }

    @Override
    public List<Item> listedOn(LocalDate day) {
        return byDay.getOrDefault(day, List.of());
    }

    @Override
    public SparseVector features(Item item) {
        return features.computeIfAbsent(item.id(), k -> vocabulary.features(item, vectors.get(item.id())));
    }

    @Override
    public int dimensions() {
        return vocabulary.dimensions();
    }
}
