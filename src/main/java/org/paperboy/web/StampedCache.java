package org.paperboy.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small cache of listing results, keyed by the query and stamped with the catalog's change
 * sequence: an entry is used only while the sequence is unchanged, younger than {@code ttlMillis},
 * and no {@link #invalidate()} has happened since it was made. Votes do not move the change
 * sequence, so whoever records a vote calls {@link #invalidate()} on this node, and the TTL bounds
 * how long another node that shares the database may show an older count.
 */
public final class StampedCache<K, V> {

    private record Entry<V>(long seq, long generation, long madeAt, V value) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final LongSupplier changeSeq;
    private final LongSupplier clockMillis;
    private final long ttlMillis;
    private final int maxEntries;
    private final AtomicLong generation = new AtomicLong();

    public StampedCache(LongSupplier changeSeq, LongSupplier clockMillis, long ttlMillis, int maxEntries) {
        this.changeSeq = changeSeq;
        this.clockMillis = clockMillis;
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    public V get(K key, Supplier<V> compute) {
        long seq = changeSeq.getAsLong();
        long gen = generation.get();
        long now = clockMillis.getAsLong();
        Entry<V> e = entries.get(key);
        if (e != null && e.seq == seq && e.generation == gen && now - e.madeAt < ttlMillis) return e.value;
        V value = compute.get();
        // a burst of distinct queries must not grow the map without bound; dropping all is simplest and rare
        if (entries.size() >= maxEntries) entries.clear();
        entries.put(key, new Entry<>(seq, gen, now, value));
        return value;
    }

    /** Forgets every entry, e.g. after a vote or a comment changed what a listing shows. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    int size() {
        return entries.size();
    }
}
