package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StampedCacheTest {

    @Test
    void anEntryLastsUntilTheSequenceMovesTheTtlEndsOrItIsInvalidated() {
        AtomicLong seq = new AtomicLong(1);
        AtomicLong now = new AtomicLong(0);
        AtomicInteger computed = new AtomicInteger();
        StampedCache<String, Integer> cache = new StampedCache<>(seq::get, now::get, 1000, 10);
        assertEquals(1, cache.get("k", computed::incrementAndGet));
        assertEquals(1, cache.get("k", computed::incrementAndGet), "same sequence, inside the TTL");
        seq.set(2);
        assertEquals(2, cache.get("k", computed::incrementAndGet), "a paper was written");
        now.set(999);
        assertEquals(2, cache.get("k", computed::incrementAndGet));
        now.set(1000);
        assertEquals(3, cache.get("k", computed::incrementAndGet), "expired");
        cache.invalidate();
        assertEquals(4, cache.get("k", computed::incrementAndGet), "a vote was recorded");
        assertEquals(5, cache.get("other", computed::incrementAndGet));
    }

    @Test
    void itNeverHoldsMoreThanItsBound() {
        StampedCache<Integer, Integer> cache = new StampedCache<>(() -> 0, () -> 0, 1000, 3);
        for (int i = 0; i < 10; i++) cache.get(i, () -> 0);
        assertEquals(true, cache.size() <= 3);
    }
}
