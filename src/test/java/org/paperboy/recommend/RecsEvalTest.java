package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecsEvalTest {
    @Test
    void ndcgAndMrrAtTenWithBinaryGains() {
        assertEquals(1.0, RecsEval.ndcg(List.of("a", "b", "c"), Set.of("a"), 10), 1e-12);
        assertEquals(1 / (Math.log(3) / Math.log(2)), RecsEval.ndcg(List.of("x", "a", "c"), Set.of("a"), 10), 1e-12);
        // two relevant at ranks 1 and 3: (1 + 1/log2 4) / (1 + 1/log2 3)
        assertEquals((1 + 0.5) / (1 + 1 / (Math.log(3) / Math.log(2))), RecsEval.ndcg(List.of("a", "x", "b"), Set.of("a", "b"), 10), 1e-12);
        assertEquals(0.0, RecsEval.ndcg(List.of("x", "y"), Set.of("a"), 10));
        assertEquals(0.5, RecsEval.mrr(List.of("x", "a"), Set.of("a"), 10));
        assertEquals(0.0, RecsEval.mrr(List.of("x", "a"), Set.of("a"), 1));
    }
}
