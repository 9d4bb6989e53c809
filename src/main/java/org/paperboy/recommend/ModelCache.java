package org.paperboy.recommend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Readers' models, least recently used first out once their estimated size passes a budget: a model
 * with phrase features takes about 160 KiB, so an instance with tens of thousands of readers would
 * otherwise fill the heap. A reader whose model went out is trained again on their next request (a
 * second or less) or digest.
 */
final class ModelCache<V> {
    /** The share of the heap that models may take when no budget is given. */
    static final double HEAP_SHARE = 0.6;

    private final long budget;
    private final ToLongFunction<V> size;
    private final LinkedHashMap<Long, V> byReader = new LinkedHashMap<>(256, 0.75f, true);
    private long used;

    ModelCache(long budget, ToLongFunction<V> size) {
        this.budget = budget;
        this.size = size;
    }

    static long defaultBudget() {
        return (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
    }

    synchronized V get(long reader) {
        return byReader.get(reader);
    }

    synchronized void put(long reader, V model) {
        V old = byReader.put(reader, model);
        if (old != null) used -= size.applyAsLong(old);
        used += size.applyAsLong(model);
        var eldest = byReader.entrySet().iterator();
        // the model just stored stays even alone over the budget: its reader is being served now
        while (used > budget && byReader.size() > 1) {
            Map.Entry<Long, V> e = eldest.next();
            used -= size.applyAsLong(e.getValue());
            eldest.remove();
        }
    }

    synchronized void remove(long reader) {
        V old = byReader.remove(reader);
        if (old != null) used -= size.applyAsLong(old);
    }

    synchronized long bytes() {
        return used;
    }

    synchronized int size() {
        return byReader.size();
    }
}
