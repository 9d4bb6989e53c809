package org.paperboy.recommend;

import java.util.Arrays;

/**
 * Document frequencies of phrases (stem n-grams) by their 64-bit hash, in open addressing: a
 * catalog has millions of distinct phrases, most of them seen once, and boxed map entries for
 * them would take gigabytes. The table grows to {@link #MAX_SLOTS}; past that, phrases still seen
 * only once are dropped to make room, so a huge catalog keeps the phrases that recur instead of
 * running out of memory (below that size the counts are exact).
 */
final class PhraseCounts {
    static final int MAX_SLOTS = 1 << 24;
    private static final double LOAD = 0.7;

    private long[] keys;
    private int[] counts;
    private int size;
    private final int maxSlots;

    PhraseCounts() {
        this(1 << 16, MAX_SLOTS);
    }

    PhraseCounts(int slots, int maxSlots) {
        keys = new long[slots];
        counts = new int[slots];
        this.maxSlots = maxSlots;
    }

    /** Counts one more document holding the phrase (0 is not a valid hash: callers map it away). */
    void add(long hash) {
        int slot = slot(keys, hash);
        if (keys[slot] == hash) {
            counts[slot]++;
            return;
        }
        keys[slot] = hash;
        counts[slot] = 1;
        if (++size > keys.length * LOAD) makeRoom();
    }

    int count(long hash) {
        int slot = slot(keys, hash);
        return keys[slot] == hash ? counts[slot] : 0;
    }

    /** The phrases counted at least {@code min} times, ascending. */
    long[] atLeast(int min) {
        long[] out = new long[size];
        int m = 0;
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0 && counts[i] >= min) out[m++] = keys[i];
        out = Arrays.copyOf(out, m);
        Arrays.sort(out);
        return out;
    }

    private void makeRoom() {
        if (keys.length < maxSlots) {
            rehash(keys.length * 2, 1);
            return;
        }
        for (int min = 2; size > keys.length * LOAD / 2; min++) rehash(keys.length, min);
    }

    /** Moves the phrases counted at least {@code min} times into a table of {@code slots}. */
    private void rehash(int slots, int min) {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[slots];
        counts = new int[slots];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == 0 || oldCounts[i] < min) continue;
            int slot = slot(keys, oldKeys[i]);
            keys[slot] = oldKeys[i];
            counts[slot] = oldCounts[i];
            size++;
        }
    }

    private static int slot(long[] keys, long hash) {
        int mask = keys.length - 1;
        long h = hash * 0x9E3779B97F4A7C15L;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (keys[slot] != 0 && keys[slot] != hash) slot = (slot + 1) & mask;
        return slot;
    }
}
