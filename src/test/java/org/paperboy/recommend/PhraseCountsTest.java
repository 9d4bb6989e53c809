package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhraseCountsTest {

    @Test
    void countsExactlyWhileTheTableMayGrow() {
        PhraseCounts c = new PhraseCounts(4, 1 << 12);
        for (long h = 1; h <= 1000; h++) for (int n = 0; n < h % 3; n++) c.add(h * 7919);
        assertEquals(2, c.count(5 * 7919));
        assertEquals(0, c.count(3 * 7919));
        long[] kept = c.atLeast(2);
        assertEquals(333, kept.length, "the hashes counted twice");
        for (int i = 1; i < kept.length; i++) assertTrue(kept[i - 1] < kept[i], "ascending");
    }

    @Test
    void aFullTableDropsPhrasesSeenOnceAndKeepsThoseThatRecur() {
        PhraseCounts c = new PhraseCounts(64, 64);
        for (long h = 1; h <= 10; h++) {
            c.add(-h);
            c.add(-h);
        }
        for (long h = 1; h <= 10_000; h++) c.add(h);
        long[] recurring = new long[10];
        for (int i = 0; i < 10; i++) recurring[i] = -10 + i;
        assertArrayEquals(recurring, c.atLeast(2), "ten thousand singletons went through 64 slots; the repeated ten stayed");
        assertEquals(2, c.count(-3));
    }
}
