package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
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
        assertNotNull(model.likes(), "a blend with a nearest part indexes the likes");
        SparseVector x = v(new int[] {1, 2}, new float[] {0.6f, 0.8f});
        // cosines: a 0.64, b 0.6; score = bias 0.5 + 2 * 0.64
        assertEquals(0.64, model.nearest(x), 1e-6);
        assertEquals(0.5 + 2 * 0.64, model.score(x), 1e-6);
        assertEquals(0.5, model.score(v(new int[] {5}, new float[] {1})), 1e-9, "nothing in common: the linear part alone");
        assertNull(new ReaderModel(flat, SparseVector.EMPTY, likes, new ReaderModel.Blend(1, 0, 0)).likes(), "no nearest part, no index");
    }
}
