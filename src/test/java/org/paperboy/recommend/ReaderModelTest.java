package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReaderModelTest {
    private static SparseVector v(int[] idx, float[] val) {
        return new SparseVector(idx, val);
    }

    private static ReaderModel.Positive positive(String id, SparseVector f) {
        return new ReaderModel.Positive(id, id, Signal.Kind.SAVED, f, null);
    }

    @Test
    void theNearestPartIsTheHighestCosineWithOneLike() {
        List<ReaderModel.Positive> likes = List.of(positive("a", v(new int[] {0, 2}, new float[] {0.6f, 0.8f})),
                positive("b", v(new int[] {1}, new float[] {1f})));
        LinearLearner.LinearModel flat = new LinearLearner.LinearModel(SparseVector.EMPTY, 0.5);
        ReaderModel model = new ReaderModel(flat, SparseVector.EMPTY, likes, new ReaderModel.Blend(1, 0, 2));
        SparseVector x = v(new int[] {1, 2}, new float[] {0.6f, 0.8f});
        // cosines: a 0.64, b 0.6; score = bias 0.5 + 2 * 0.64
        assertEquals(0.64, model.nearest(x), 1e-6);
        assertEquals(0.5 + 2 * 0.64, model.score(x), 1e-6);
        assertEquals(0.5, model.score(v(new int[] {5}, new float[] {1})), 1e-9, "nothing in common: the linear part alone");
        ReaderModel.Score both = model.scoreAndNearest(x);
        assertEquals(model.score(x), both.value(), 1e-9, "one search of the likes gives the same score");
        assertEquals("a", both.nearest().positive().id());
        assertEquals(0.64, both.nearest().cosine(), 1e-6);
        assertNull(model.scoreAndNearest(v(new int[] {5}, new float[] {1})).nearest(), "no like shares a feature");
        ReaderModel linearOnly = new ReaderModel(flat, SparseVector.EMPTY, likes, new ReaderModel.Blend(1, 0, 0));
        assertEquals(0.5, linearOnly.score(x), 1e-9, "no nearest part in the score");
        assertEquals("a", linearOnly.scoreAndNearest(x).nearest().positive().id(), "but the reason still finds the nearest like");
    }

    private static SparseVector random(Random r, int n, int width) {
        int[] idx = new int[n];
        float[] val = new float[n];
        for (int i = 0; i < n; i++) {
            idx[i] = r.nextInt(width);
            val[i] = r.nextFloat() - 0.2f;
        }
        return SparseVector.of(idx, val, n);
    }

    @Test
    void theDenseLayoutScoresAndExplainsAsTheModelDoesAndGivesItsArraysBackZeroed() {
        Random r = new Random(11);
        List<ReaderModel.Positive> likes = new ArrayList<>();
        for (int i = 0; i < 40; i++) likes.add(positive("p" + i, random(r, 30, 2_000)));
        LinearLearner.LinearModel linear = new LinearLearner().train(likes.stream().map(ReaderModel.Positive::features).toList(),
                List.of(random(r, 30, 2_000), random(r, 30, 2_000), random(r, 30, 2_000)));
        DenseScratch scratch = new DenseScratch();
        for (LinearLearner.LinearModel l : Arrays.asList(linear, null)) {
            ReaderModel model = new ReaderModel(l, ReaderTrainer.centroid(likes), likes, ReaderModel.Blend.DEFAULT);
            try (ReaderModel.Dense dense = model.dense(scratch)) {
                for (int c = 0; c < 200; c++) {
                    SparseVector x = random(r, 1 + r.nextInt(60), 2_500);
                    ReaderModel.Score expected = model.scoreAndNearest(x);
                    ReaderModel.Score got = dense.score(x);
                    assertEquals(expected.value(), got.value(), 1e-9);
                    assertEquals(expected.nearest(), got.nearest());
                    assertArrayEquals(model.termWeights(x, x.size()), dense.termWeights(x, x.size()), 1e-6f);
                }
            }
            DenseScratch.Arrays given = scratch.take(1);
            for (float f : given.floats()) assertEquals(0f, f, "zeroed when given back");
            for (int i : given.ints()) assertEquals(0, i, "zeroed when given back");
            scratch.give(given);
        }
    }
}
