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
}
