package org.paperboy.recommend;

import java.util.Arrays;
import java.util.List;

/** A sparse vector with ascending indices; the tf-idf and category features of one paper. */
public record SparseVector(int[] index, float[] value) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public int size() {
        return index.length;
    }

    public double dot(SparseVector o) {
        // a paper's few hundred features against a model's many: look each one up instead of walking both
        if (o.index.length > 8 * index.length) return lookupDot(this, o);
        if (index.length > 8 * o.index.length) return lookupDot(o, this);
        double s = 0;
        int i = 0, j = 0;
        while (i < index.length && j < o.index.length) {
            int a = index[i], b = o.index[j];
            if (a == b) s += (double) value[i++] * o.value[j++];
            else if (a < b) i++;
            else j++;
        }
        return s;
    }

    private static double lookupDot(SparseVector small, SparseVector large) {
        double s = 0;
        int from = 0;
        for (int i = 0; i < small.index.length; i++) {
            int j = Arrays.binarySearch(large.index, from, large.index.length, small.index[i]);
            if (j >= 0) {
                s += (double) small.value[i] * large.value[j];
                from = j + 1;
            } else {
                from = -j - 1;
            }
        }
        return s;
    }

    /** The dot product with a dense weight vector (indices beyond it count as zero). */
    public double dot(float[] dense) {
        double s = 0;
        for (int i = 0; i < index.length; i++) if (index[i] < dense.length) s += (double) value[i] * dense[index[i]];
        return s;
    }

    /** The value at a feature index, 0 where absent. */
    public double get(int feature) {
        int i = Arrays.binarySearch(index, feature);
        return i < 0 ? 0 : value[i];
    }

    public double norm() {
        double s = 0;
        for (float v : value) s += (double) v * v;
        return Math.sqrt(s);
    }

    /** Every index that occurs in any of the vectors, ascending, once each. */
    static int[] distinctIndices(List<SparseVector> vectors) {
        int total = 0;
        for (SparseVector v : vectors) total += v.size();
        int[] all = new int[total];
        int m = 0;
        for (SparseVector v : vectors) {
            System.arraycopy(v.index, 0, all, m, v.size());
            m += v.size();
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < total; i++) if (i == 0 || all[i] != all[i - 1]) all[distinct++] = all[i];
        return Arrays.copyOf(all, distinct);
    }

    /** This vector's values at the first {@code n} indices of x (0 where absent), found by one forward search. */
    float[] valuesAt(SparseVector x, int n) {
        float[] out = new float[n];
        int from = 0;
        for (int i = 0; i < n && from < index.length; i++) {
            int j = Arrays.binarySearch(index, from, index.length, x.index[i]);
            if (j >= 0) out[i] = value[j];
            from = j >= 0 ? j + 1 : -j - 1;
        }
        return out;
    }

    /** Sorts the (index, value) pairs; duplicate indices are summed. */
    static SparseVector of(int[] idx, float[] val, int n) {
        // (index, position) packed in one long: a primitive sort, no boxed comparator (indices are never negative)
        long[] order = new long[n];
        for (int i = 0; i < n; i++) order[i] = (long) idx[i] << 32 | i;
        Arrays.sort(order);
        int[] outI = new int[n];
        float[] outV = new float[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int at = (int) order[k];
            if (m > 0 && outI[m - 1] == idx[at]) outV[m - 1] += val[at];
            else {
                outI[m] = idx[at];
                outV[m++] = val[at];
            }
        }
        return new SparseVector(Arrays.copyOf(outI, m), Arrays.copyOf(outV, m));
    }
}
