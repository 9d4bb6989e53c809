package org.paperboy.recommend;

import java.util.Arrays;
import java.util.List;

/**
 * The liked paper nearest to each candidate, through an inverted index of the positives' features:
 * a candidate costs the postings of its own features instead of one dot product per positive,
 * which keeps reasons for a 600-paper day cheap for a reader with hundreds of likes.
 *
 * <p>The index is three flat arrays (features ascending, where each one's postings start, and the
 * postings themselves): a candidate's ascending features are matched by a merge walk instead of a
 * hash lookup each, and a model held for thousands of digest readers stays a few arrays. A feature
 * that many positives share (a followed category, a common word) also gets a dense column, walked
 * as one contiguous loop that the JIT vectorises instead of scattered adds; the zeros it adds
 * change no sum, so the nearest paper is the same as with postings alone.
 */
final class Likeness {
    private final List<ReaderModel.Positive> positives;
    /** The distinct features of the positives, ascending. */
    private final int[] features;
    /** Postings of features[k] are at [start[k], start[k + 1]). */
    private final int[] start;
    private final int[] who;
    private final float[] values;
    /** Dense columns (one value per positive) of the features in at least {@link #DENSE_SHARE} of the positives; null elsewhere. */
    private final float[][] dense;
    /** A feature shared by this fraction of the positives is walked densely. */
    static final double DENSE_SHARE = 0.125;
    static final int DENSE_MIN = 16;

    Likeness(List<ReaderModel.Positive> positives) {
        this.positives = positives;
        features = SparseVector.distinctIndices(positives.stream().map(ReaderModel.Positive::features).toList());
        int distinct = features.length;
        int total = 0;
        for (ReaderModel.Positive p : positives) total += p.features().size();
        start = new int[distinct + 1];
        for (ReaderModel.Positive p : positives) for (int f : p.features().index()) start[Arrays.binarySearch(features, f) + 1]++;
        for (int k = 0; k < distinct; k++) start[k + 1] += start[k];
        who = new int[total];
        values = new float[total];
        int[] next = Arrays.copyOf(start, distinct);
        // positives in order, so each feature's postings stay in positive order (sums add up as before)
        for (int p = 0; p < positives.size(); p++) {
            SparseVector f = positives.get(p).features();
            for (int i = 0; i < f.size(); i++) {
                int slot = next[Arrays.binarySearch(features, f.index()[i])]++;
                who[slot] = p;
                values[slot] = f.value()[i];
            }
        }
        dense = new float[distinct][];
        int denseFrom = Math.max(DENSE_MIN, (int) Math.ceil(positives.size() * DENSE_SHARE));
        for (int k = 0; k < distinct; k++) {
            if (start[k + 1] - start[k] < denseFrom) continue;
            float[] column = new float[positives.size()];
            for (int j = start[k]; j < start[k + 1]; j++) column[who[j]] = values[j];
            dense[k] = column;
        }
    }

    /** A liked paper and its cosine with a candidate. */
    record Match(ReaderModel.Positive positive, double cosine) {}

    /** The positive with the highest cosine (ties go to the earlier positive), or null when none shares a feature with x. */
    Match best(SparseVector x) {
        return positives.isEmpty() ? null : best(similarities(x, null));
    }

    /** As {@link #best(SparseVector)}, finding x's features through {@code slots} as {@link #mark} left them. */
    Match best(SparseVector x, int[] slots) {
        return positives.isEmpty() ? null : best(similarities(x, slots));
    }

    private Match best(double[] sims) {
        int best = -1;
        double bestSim = 0;
        for (int p = 0; p < sims.length; p++) {
            if (sims[p] > bestSim) {
                bestSim = sims[p];
                best = p;
            }
        }
        return best < 0 ? null : new Match(positives.get(best), bestSim);
    }

    /** The positive with the highest cosine above {@code min}, or null. */
    ReaderModel.Positive nearest(SparseVector x, double min) {
        Match m = best(x);
        return m != null && m.cosine() > min ? m.positive() : null;
    }

    /** The highest cosine between x and one positive; 0 without positives. */
    double highest(SparseVector x) {
        Match m = best(x);
        return m == null ? 0 : m.cosine();
    }

    /** About how much memory the index holds. */
    long bytes() {
        long b = 8L * features.length + 8L * who.length;
        for (float[] column : dense) if (column != null) b += 4L * column.length;
        return b;
    }

    /** The largest feature of the positives, -1 without any. */
    int maxFeature() {
        return features.length == 0 ? -1 : features[features.length - 1];
    }

    /** Writes each feature's place in the index (plus one) at its position in {@code slots}; {@link #unmark} zeroes them again. */
    void mark(int[] slots) {
        for (int k = 0; k < features.length; k++) slots[features[k]] = k + 1;
    }

    void unmark(int[] slots) {
        for (int f : features) slots[f] = 0;
    }

    /**
     * The cosine of x with each positive, in the positives' order. Each of x's features is found by
     * a galloping search of the index's features or, given {@code slots} from {@link #mark}, by one lookup.
     */
    private double[] similarities(SparseVector x, int[] slots) {
        double[] sims = new double[positives.size()];
        int[] xi = x.index();
        float[] xv = x.value();
        int k = 0;
        for (int i = 0; i < xi.length; i++) {
            if (slots != null) {
                if (xi[i] >= slots.length || (k = slots[xi[i]] - 1) < 0) continue;
            } else {
                k = seek(xi[i], k);
                if (k >= features.length) break;
                if (features[k] != xi[i]) continue;
            }
            float v = xv[i];
            float[] column = dense[k];
            if (column != null) {
                for (int p = 0; p < sims.length; p++) sims[p] += v * column[p];
                continue;
            }
            for (int j = start[k], end = start[k + 1]; j < end; j++) sims[who[j]] += v * values[j];
        }
        return sims;
    }

    /** The first slot from {@code from} whose feature is at least {@code f}: galloping, then binary search. */
    private int seek(int f, int from) {
        if (from >= features.length || features[from] >= f) return from;
        int step = 1, lo = from, hi = from + 1;
        while (hi < features.length && features[hi] < f) {
            lo = hi;
            step <<= 1;
            hi = from + step;
        }
        int j = Arrays.binarySearch(features, lo + 1, Math.min(hi + 1, features.length), f);
        return j >= 0 ? j : -j - 1;
    }
}
