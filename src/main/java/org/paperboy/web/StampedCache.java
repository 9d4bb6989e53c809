package org.paperboy.web;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small cache of listing results, keyed by the query and stamped with the catalog's change
 * sequence, which every paper write, vote and comment moves:
 * <ul>
 * <li>an entry whose stamp no longer matches is never served again;</li>
 * <li>an entry older than {@code ttlMillis} with a matching stamp is refreshed by one caller while
 *     the others keep serving it, so expiry never makes a burst of requests wait. The TTL bounds
 *     how long votes recorded by another node sharing the database take to show here;</li>
 * <li>concurrent misses on one key compute it once.</li>
 * </ul>
 */
public final class StampedCache<K, V> {

    private static final class Entry<V> {
        final long seq;
        final long madeAt;
        final CompletableFuture<V> value = new CompletableFuture<>();
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(long seq, long madeAt) {
            this.seq = seq;
            this.madeAt = madeAt;
        }
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final LongSupplier changeSeq;
    private final LongSupplier clockMillis;
    private final long ttlMillis;
    private final int maxEntries;

    public StampedCache(LongSupplier changeSeq, LongSupplier clockMillis, long ttlMillis, int maxEntries) {
        this.changeSeq = changeSeq;
        this.clockMillis = clockMillis;
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    public V get(K key, Supplier<V> compute) {
        long seq = changeSeq.getAsLong();
        long now = clockMillis.getAsLong();
        Entry<V> old = entries.get(key);
        if (old != null && old.seq == seq) {
            boolean fresh = now - old.madeAt < ttlMillis;
            if (fresh || !old.value.isDone() || !old.refreshing.compareAndSet(false, true)) return join(old);
            return refresh(key, old, compute);
        }
        Entry<V> mine = new Entry<>(seq, now);
        boolean installed = old == null ? entries.putIfAbsent(key, mine) == null : entries.replace(key, old, mine);
        if (!installed) {
            Entry<V> current = entries.get(key);
            if (current != null && current.seq == seq) return join(current);
            return compute.get();
        }
        if (entries.size() > maxEntries) trim(key);
        try {
            V v = compute.get();
            mine.value.complete(v);
            return v;
        } catch (RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.value.completeExceptionally(e);
            throw e;
        }
    }

    /** Computes a new value while the expired one stays in place for everyone else. */
    private V refresh(K key, Entry<V> old, Supplier<V> compute) {
        V v;
        try {
            v = compute.get();
        } catch (RuntimeException | Error e) {
            old.refreshing.set(false);
            throw e;
        }
        Entry<V> mine = new Entry<>(old.seq, clockMillis.getAsLong());
        mine.value.complete(v);
        entries.replace(key, old, mine);
        return v;
    }

    /** A burst of distinct queries must not grow the map without bound; dropping the others is simple and rare. */
    private void trim(K keep) {
        entries.keySet().removeIf(k -> !k.equals(keep));
    }

    private static <V> V join(Entry<V> e) {
        try {
            return e.value.join();
        } catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException re) throw re;
            if (ex.getCause() instanceof Error err) throw err;
            throw ex;
        }
    }

    int size() {
        return entries.size();
    }
}
