package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SortedHashesTest {
    @Test
    void findsEveryHashAndNothingElseAcrossTheWholeRange() {
        Random r = new Random(5);
        long[] hashes = LongStream.concat(r.longs(50_000), LongStream.of(Long.MIN_VALUE, Long.MAX_VALUE, -1, 1, 0x7ff0_0000_0000_0000L))
                .distinct().sorted().toArray();
        SortedHashes index = new SortedHashes(hashes);
        assertEquals(hashes.length, index.size());
        for (int k = 0; k < hashes.length; k++) {
            assertEquals(k, index.indexOf(hashes[k]), "hash " + hashes[k]);
            assertEquals(hashes[k], index.get(k));
        }
        for (long other : r.longs(50_000).toArray()) {
            assertEquals(Arrays.binarySearch(hashes, other) >= 0, index.indexOf(other) >= 0, "hash " + other);
        }
        assertTrue(new SortedHashes(new long[0]).indexOf(42) < 0, "an empty set holds nothing");
    }
}
