package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ModelCacheTest {
    @Test
    void theLeastRecentlyUsedModelsLeaveOnceTheBudgetIsPassed() {
        ModelCache<String> cache = new ModelCache<>(100, s -> s.length() * 10L);
        cache.put(1, "aaaa");
        cache.put(2, "bbbb");
        assertEquals(80, cache.bytes());
        cache.get(1);
        cache.put(3, "ccc");
        assertNull(cache.get(2), "reader 2 was used least recently: out");
        assertEquals("aaaa", cache.get(1));
        assertEquals("ccc", cache.get(3));
        assertEquals(70, cache.bytes());

        cache.put(1, "a");
        assertEquals(40, cache.bytes(), "a retrained model replaces the old one's size");
        cache.remove(3);
        assertEquals(10, cache.bytes());
        assertNull(cache.get(3));

        cache.put(4, "x".repeat(50));
        assertEquals(1, cache.size(), "a model over the whole budget stays alone: its reader is being served");
        assertEquals(500, cache.bytes());
    }
}
