package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The likes index finds the same nearest liked paper as comparing the candidate with every like, ties to the earlier like. */
class LikenessTest {

    private static ReaderModel.Positive positive(int n, SparseVector f) {
        return new ReaderModel.Positive("p" + n, "Paper " + n, Signal.Kind.SAVED, f, null);
    }

    private static SparseVector vector(Random r, int features, int vocabulary) {
        TreeMap<Integer, Float> m = new TreeMap<>();
        // a few features most papers share (a category, common words), the rest spread thin
        for (int i = 0; i < 3; i++) if (r.nextDouble() < 0.8) m.put(i, 0.1f + r.nextFloat() * 0.3f);
        while (m.size() < features) m.put(3 + r.nextInt(vocabulary), r.nextFloat() * 0.4f);
        int[] idx = m.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] val = new float[idx.length];
        int k = 0;
        for (float v : m.values()) val[k++] = v;
        return new SparseVector(idx, val);
    }

    /** Every like's cosine summed in the candidate's feature order, as the index sums it. */
    private static ReaderModel.Positive bruteForce(List<ReaderModel.Positive> likes, SparseVector x, double min) {
        ReaderModel.Positive best = null;
        double bestSim = min;
        for (ReaderModel.Positive p : likes) {
            double s = 0;
            for (int i = 0; i < x.size(); i++) {
                int j = Arrays.binarySearch(p.features().index(), x.index()[i]);
                if (j >= 0) s += x.value()[i] * p.features().value()[j];
            }
            if (s > bestSim) {
                bestSim = s;
                best = p;
            }
        }
        return best;
    }

    @Test
    void findsTheSameNearestLikeAsComparingWithEveryLike() {
        Random r = new Random(7);
        for (int likes : new int[] {1, 5, 40, 300}) {
            List<ReaderModel.Positive> positives = new ArrayList<>();
            for (int i = 0; i < likes; i++) positives.add(positive(i, vector(r, 5 + r.nextInt(60), 400)));
            Likeness index = new Likeness(positives);
            for (int c = 0; c < 300; c++) {
                SparseVector x = vector(r, 5 + r.nextInt(80), 400);
                for (double min : new double[] {0, 0.2, 0.5}) {
                    assertSame(bruteForce(positives, x, min), index.nearest(x, min), likes + " likes, candidate " + c + ", min " + min);
                }
            }
        }
    }

    @Test
    void tiesGoToTheEarlierLikeAndNothingBelowTheMinimum() {
        SparseVector shared = new SparseVector(new int[] {2, 9}, new float[] {0.6f, 0.8f});
        List<ReaderModel.Positive> positives = List.of(positive(0, new SparseVector(new int[] {1}, new float[] {1f})),
                positive(1, shared), positive(2, shared));
        Likeness index = new Likeness(positives);
        assertEquals("p1", index.nearest(shared, 0.2).id());
        assertNull(index.nearest(new SparseVector(new int[] {1, 5}, new float[] {0.1f, 0.99f}), 0.2), "cosine 0.1 is below 0.2");
        assertNull(index.nearest(new SparseVector(new int[] {50}, new float[] {1f}), 0), "no shared feature");
        assertNull(new Likeness(List.of()).nearest(shared, 0));
    }
}
