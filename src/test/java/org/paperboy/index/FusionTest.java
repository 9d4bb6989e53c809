package org.paperboy.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    @Test
    void reciprocalRankFusionSumsOneOverKPlusRank() {
        var fused = Fusion.rrf(List.of("a", "b", "c"), List.of("c", "d", "a"));
        assertEquals(List.of("a", "c", "b", "d"), fused.stream().map(Fusion.Scored::item).toList());
        assertEquals(1.0 / 61 + 1.0 / 63, fused.get(0).score(), 1e-12);
        assertEquals(1.0 / 62, fused.get(2).score(), 1e-12);
    }

    @Test
    void anItemInBothListsBeatsTheTopOfOne() {
        var fused = Fusion.rrf(List.of("x", "both"), List.of("y", "both"));
        assertEquals("both", fused.get(0).item());
    }

    @Test
    void tiesKeepFirstAppearance() {
        var fused = Fusion.rrf(List.of("a"), List.of("b"));
        assertEquals(List.of("a", "b"), fused.stream().map(Fusion.Scored::item).toList());
    }

    @Test
    void zScoreSumStandardisesEachSignalAndFloorsMissingValues() {
        var signals = new java.util.LinkedHashMap<String, double[]>();
        signals.put("a", new double[] {30, Double.NaN});
        signals.put("b", new double[] {10, 0.8});
        signals.put("c", new double[] {20, 0.9});
        signals.put("d", new double[] {20, 0.4});
        var fused = Fusion.zScoreSum(signals);
        // BM25 z over (30,10,20,20): mean 20, sd 7.071 → a +1.414, b -1.414, c 0, d 0
        // cosine z over (0.8,0.9,0.4): c +0.926, b +0.463, d -1.389; a has no vector → floor -1.389
        assertEquals(List.of("c", "a", "b", "d"), fused.stream().map(Fusion.Scored::item).toList());
        assertEquals(0.92582, fused.get(0).score(), 1e-4);
        assertEquals(1.41421 - 1.38873, fused.get(1).score(), 1e-4);
        assertEquals(-1.41421 + 0.46291, fused.get(2).score(), 1e-4);
    }

    @Test
    void aSignalWithOneValueScoresZero() {
        var signals = new java.util.LinkedHashMap<String, double[]>();
        signals.put("a", new double[] {5.0});
        assertEquals(0, Fusion.zScoreSum(signals).get(0).score(), 1e-12);
    }
}
