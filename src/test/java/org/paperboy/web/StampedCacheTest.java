package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class StampedCacheTest {

    @Test
    void anEntryLastsUntilTheSequenceMovesOrTheTtlEnds() {
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
        assertEquals(3, cache.get("k", computed::incrementAndGet), "expired: the caller that notices refreshes");
        assertEquals(3, cache.get("k", computed::incrementAndGet));
        seq.set(3);
        assertEquals(4, cache.get("k", computed::incrementAndGet), "a vote was recorded: it moves the sequence too");
        assertEquals(5, cache.get("other", computed::incrementAndGet));
    }

    @Test
    void concurrentMissesComputeOnceAndExpiryKeepsServingWhileOneRefreshes() throws Exception {
        AtomicLong now = new AtomicLong(0);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        StampedCache<String, Integer> cache = new StampedCache<>(() -> 7, now::get, 1000, 10);
        Supplier<Integer> slow = () -> {
            int n = computed.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return n;
        };
        var pool = Executors.newFixedThreadPool(4);
        var results = new ArrayList<Future<Integer>>();
        for (int i = 0; i < 4; i++) results.add(pool.submit(() -> cache.get("k", slow)));
        Thread.sleep(100);
        release.countDown();
        for (var f : results) assertEquals(1, f.get());
        assertEquals(1, computed.get(), "one computation for four concurrent misses");

        now.set(5000);
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        var refresher = pool.submit(() -> cache.get("k", () -> {
            refreshing.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 2;
        }));
        refreshing.await();
        assertEquals(1, cache.get("k", () -> 99), "others keep the expired value while one refreshes");
        finish.countDown();
        assertEquals(2, refresher.get());
        assertEquals(2, cache.get("k", () -> 99));
        pool.shutdown();
    }

    @Test
    void aFailedComputationIsNotCached() {
        StampedCache<String, Integer> cache = new StampedCache<>(() -> 0, () -> 0, 1000, 10);
        Assertions.assertThrows(IllegalStateException.class, () -> cache.get("k", () -> {
            throw new IllegalStateException("db down");
        }));
        assertEquals(3, cache.get("k", () -> 3));
    }

    @Test
    void itNeverHoldsMoreThanItsBound() {
        StampedCache<Integer, Integer> cache = new StampedCache<>(() -> 0, () -> 0, 1000, 3);
        for (int i = 0; i < 10; i++) cache.get(i, () -> 0);
        assertEquals(true, cache.size() <= 3);
    }
}
