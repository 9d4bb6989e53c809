package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseVectorTest {
    @Test
    void ofSortsAndSumsDuplicates() {
        SparseVector v = SparseVector.of(new int[] {5, 1, 5}, new float[] {1, 2, 3}, 3);
        assertEquals(2, v.size());
        assertEquals(2.0, v.get(1));
        assertEquals(4.0, v.get(5));
        assertEquals(0.0, v.get(3));
    }

    @Test
    void theLookupDotOfVectorsOfVeryDifferentSizesEqualsTheSumOfProducts() {
        Random r = new Random(3);
        int[] bi = new int[5000];
        float[] bv = new float[5000];
        for (int i = 0; i < bi.length; i++) {
            bi[i] = r.nextInt(100_000);
            bv[i] = r.nextFloat();
        }
        SparseVector big = SparseVector.of(bi, bv, bi.length);
        int[] si = {big.index()[3], big.index()[70], 7, big.index()[4000], 99_999};
        float[] sv = {1, 2, 3, 4, 5};
        SparseVector small = SparseVector.of(si, sv, si.length);
        double expected = 0;
        for (int i = 0; i < small.size(); i++) expected += small.value()[i] * big.get(small.index()[i]);
        assertEquals(expected, small.dot(big), 1e-6);
        assertEquals(expected, big.dot(small), 1e-6);
    }

    @Test
    void valuesAtTheFirstIndicesOfAnotherVectorAreLookedUpOneByOne() {
        SparseVector weights = new SparseVector(new int[] {2, 4, 9, 30}, new float[] {0.5f, -1, 2, 3});
        SparseVector x = new SparseVector(new int[] {1, 4, 9, 10, 30}, new float[] {1, 1, 1, 1, 1});
        float[] all = weights.valuesAt(x, 5);
        for (int i = 0; i < x.size(); i++) assertEquals(weights.get(x.index()[i]), all[i], 0, "at " + x.index()[i]);
        assertEquals(3, weights.valuesAt(x, 3).length, "only the first n");
        assertEquals(0, SparseVector.EMPTY.valuesAt(x, 5)[4], 0);
    }
}
