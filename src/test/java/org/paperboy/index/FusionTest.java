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
    void zScoreSumStandardisesEachListAndFloorsMissingItems() {
        var keyword = List.of(new Fusion.Scored<>("a", 30.0), new Fusion.Scored<>("b", 10.0));
        var vector = List.of(new Fusion.Scored<>("c", 0.9), new Fusion.Scored<>("b", 0.8), new Fusion.Scored<>("d", 0.4));
        var fused = Fusion.zScoreSum(keyword, vector);
        // keyword z: a +1, b -1; vector z: c 0.9258, b 0.4629, d -1.3887 (mean 0.7, sd 0.216)
        assertEquals(List.of("c", "a", "b", "d"), fused.stream().map(Fusion.Scored::item).toList());
        assertEquals(-1 + 0.92582, fused.get(0).score(), 1e-4, "c is missing from the keyword list: its floor is -1");
        assertEquals(1 - 1.38873, fused.get(1).score(), 1e-4);
        assertEquals(-1 + 0.46291, fused.get(2).score(), 1e-4);
    }

    @Test
    void aSingleItemListScoresZero() {
        var fused = Fusion.zScoreSum(List.of(new Fusion.Scored<>("a", 5.0)), List.of());
        assertEquals(0, fused.get(0).score(), 1e-12);
    }
}
