package org.paperboy.recommend;

import java.util.Arrays;

/**
 * A sorted array of 64-bit hashes with a bucket index over their top {@link #BUCKET_BITS} bits: a
 * lookup searches the one bucket a hash falls in (a hash or two) instead of the whole array, whose
 * binary search over a million phrases cost a cache miss a step (most of a new paper's features).
 */
final class SortedHashes {
    static final int BUCKET_BITS = 20;

    private final long[] sorted;
    /** Bucket b is sorted[start[b]] to sorted[start[b + 1]]. */
    private final int[] start;

    /** @param sorted distinct hashes, ascending */
    SortedHashes(long[] sorted) {
        this.sorted = sorted;
        start = new int[(1 << BUCKET_BITS) + 1];
        for (long h : sorted) start[bucket(h) + 1]++;
        for (int b = 0; b < 1 << BUCKET_BITS; b++) start[b + 1] += start[b];
    }

    private static int bucket(long hash) {
        // the sign bit flipped: the flipped values' unsigned order is the array's signed order
        return (int) ((hash ^ Long.MIN_VALUE) >>> (64 - BUCKET_BITS));
    }

    /** The hash's place in the array, or a negative number when it is not there. */
    int indexOf(long hash) {
        int b = bucket(hash);
        int i = Arrays.binarySearch(sorted, start[b], start[b + 1], hash);
        return i < 0 ? -1 : i;
    }

    long get(int k) {
        return sorted[k];
    }

    int size() {
        return sorted.length;
    }
}
