package org.paperboy.recommend;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Zeroed arrays as wide as the feature space, lent to one ranking at a time and given back zeroed:
 * a ranking spreads the reader's model over them and looks each of a paper's features up in one
 * step instead of searching sorted arrays, without allocating megabytes for every reader of a digest.
 * At most {@link #KEPT} pairs wait here; more rankings at once allocate their own.
 */
final class DenseScratch {
    static final int KEPT = 8;

    /** A float and an int array of at least the asked width, all zeros. */
    record Arrays(float[] floats, int[] ints) {}

    private final BlockingQueue<Arrays> idle = new ArrayBlockingQueue<>(KEPT);

    Arrays take(int width) {
        Arrays a = idle.poll();
        // a vocabulary that grew needs wider arrays: the narrow ones are dropped
        if (a == null || a.floats().length < width) return new Arrays(new float[width], new int[width]);
        return a;
    }

    /** Takes back arrays the borrower has zeroed again. */
    void give(Arrays a) {
        idle.offer(a);
    }
}
