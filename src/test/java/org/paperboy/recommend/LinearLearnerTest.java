package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinearLearnerTest {

    private static SparseVector v(int[] idx, float[] val) {
        return new SparseVector(idx, val);
    }

    @Test
    void separatesPositivesFromNegativesWithThePositiveSideScoringHigher() {
        // feature 0 marks positives, feature 1 negatives; feature 2 is noise shared by both
        List<SparseVector> pos = List.of(v(new int[] {0, 2}, new float[] {1, 0.5f}), v(new int[] {0}, new float[] {0.8f}));
        List<SparseVector> neg = new ArrayList<>();
        for (int i = 0; i < 30; i++) neg.add(v(new int[] {1, 2}, new float[] {1, 0.5f}));
        LinearLearner.LinearModel m = new LinearLearner().train(pos, neg);
        assertTrue(m.weight(0) > 0, "the positives' feature weighs for");
        assertTrue(m.weight(1) < 0, "the negatives' feature weighs against");
        assertTrue(m.score(v(new int[] {0}, new float[] {1})) > 0);
        assertTrue(m.score(v(new int[] {1}, new float[] {1})) < 0);
    }

    @Test
    void aVectorFromALargerVocabularyThanTheDimensionsTrainsOnTheFeaturesItShares() {
        // found by ClusterTest: papers submitted meanwhile grew the vocabulary, and liblinear refused the row
        // ("feature nodes must be sorted by index in ascending order"), a 500 on the reader's day page
        List<SparseVector> pos = List.of(v(new int[] {0, 5}, new float[] {1, 1}), v(new int[] {0}, new float[] {1}));
        List<SparseVector> neg = List.of(v(new int[] {1, 7}, new float[] {1, 1}), v(new int[] {1}, new float[] {1}));
        LinearLearner.LinearModel m = new LinearLearner().train(pos, neg);
        assertTrue(m.weight(0) > 0);
        assertTrue(m.weight(1) < 0);
    }

    @Test
    void orientationDoesNotDependOnWhichClassLiblinearSeesFirst() {
        // liblinear orients weights to the label of its first row; the wrapper always orients them to the positives
        List<SparseVector> pos = List.of(v(new int[] {0}, new float[] {1}));
        List<SparseVector> neg = List.of(v(new int[] {1}, new float[] {1}));
        LinearLearner.LinearModel a = new LinearLearner().train(pos, neg);
        LinearLearner.LinearModel b = new LinearLearner().train(pos, neg);
        assertEquals(a.weight(0), b.weight(0), 1e-12, "training is deterministic");
        assertTrue(a.score(pos.get(0)) > a.score(neg.get(0)));
    }

    @Test
    void oneEmptyClassGivesNoModel() {
        assertNull(new LinearLearner().train(List.of(v(new int[] {0}, new float[] {1})), List.of()));
    }

    @Test
    void thinningKeepsAFixedSubsetOfTooManyNegatives() {
        List<ReaderTrainer.Negative> many = new ArrayList<>();
        for (int i = 0; i < ReaderTrainer.MAX_NEGATIVES + 500; i++) many.add(new ReaderTrainer.Negative("n" + i, SparseVector.EMPTY));
        List<ReaderTrainer.Negative> kept = ReaderTrainer.thin(many, ReaderTrainer.MAX_NEGATIVES);
        assertEquals(ReaderTrainer.MAX_NEGATIVES, kept.size());
        assertEquals(kept, ReaderTrainer.thin(new ArrayList<>(many.reversed()), ReaderTrainer.MAX_NEGATIVES), "the same subset whatever the order");
    }

    @Test
    void trainsOnAThousandPositivesAgainstTheNegativeCap() {
        Random r = new Random(7);
        List<SparseVector> pos = rows(r, 1000, 0);
        List<SparseVector> neg = rows(r, ReaderTrainer.MAX_NEGATIVES, 500);
        LinearLearner.LinearModel m = new LinearLearner().train(pos, neg);
        assertTrue(m.score(pos.get(0)) > m.score(neg.get(0)));
    }

    @Test
    void leavesOutWeightsTooSmallToMoveARanking() {
        Random r = new Random(11);
        List<SparseVector> pos = rows(r, 200, 0);
        List<SparseVector> neg = rows(r, 1000, 500);
        Set<Integer> seen = new HashSet<>();
        for (List<SparseVector> rows : List.of(pos, neg)) for (SparseVector v : rows) for (int f : v.index()) seen.add(f);
        SparseVector w = new LinearLearner().train(pos, neg).weights();
        double largest = 0;
        for (float v : w.value()) largest = Math.max(largest, Math.abs(v));
        for (float v : w.value()) assertTrue(Math.abs(v) >= largest * LinearLearner.KEPT_WEIGHT * 0.999, v + " is below the cut");
        assertTrue(w.size() < seen.size(), w.size() + " weights kept of " + seen.size() + " features");
    }

    private static List<SparseVector> rows(Random r, int n, int offset) {
        List<SparseVector> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(random(r, offset));
        return out;
    }

    private static SparseVector random(Random r, int offset) {
        int n = 120;
        int[] idx = new int[n];
        float[] val = new float[n];
        for (int i = 0; i < n; i++) {
            idx[i] = offset + r.nextInt(19_000);
            val[i] = r.nextFloat() / 10;
        }
        return SparseVector.of(idx, val, n);
    }
}
