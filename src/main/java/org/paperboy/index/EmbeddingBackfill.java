package org.paperboy.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the vectors papers lack (or whose text changed) and stores them. It walks the papers'
 * change sequence, so a rerun skips what is done (resumable) and, in {@code serve}, it keeps
 * following new imports in the background; imports never wait for it.
 */
public final class EmbeddingBackfill implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingBackfill.class);
    /** Vectors stored per transaction: small enough that an interrupted run loses little. */
    static final int BATCH = 64;
    static final long IDLE_MILLIS = 2000;

    private final EmbeddingStore store;
    private final Embedder embedder;
    private final ExecutorService workers;
    private Thread background;
    private volatile boolean stopping;
    private EmbeddingRanges ranges;

    /** @param threads parallel inferences, one intra-op thread each (2 suits a 2-core machine) */
    public EmbeddingBackfill(EmbeddingStore store, Embedder embedder, int threads) {
        this.store = store;
        this.embedder = embedder;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "embedder");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /**
     * Several nodes on one database: the background loop embeds the ranges {@code ranges} hands
     * this node instead of walking the whole sequence itself, so no vector is computed twice.
     */
    EmbeddingBackfill shared(EmbeddingRanges ranges) {
        this.ranges = ranges;
        return this;
    }

    public long missing() {
        return store.countMissing(embedder.model());
    }

    /** Embeds every paper written after {@code fromSeq} that needs it; returns the sequence reached. */
    public long runFrom(long fromSeq, LongConsumer progress) {
        long seq = fromSeq;
        for (List<EmbeddingStore.Pending> page; !stopping && !(page = store.pendingSince(embedder.model(), seq, BATCH * 8)).isEmpty(); ) {
            List<EmbeddingStore.Pending> todo = page.stream().filter(EmbeddingStore.Pending::needed).toList();
            for (int i = 0; i < todo.size() && !stopping; i += BATCH) {
                List<EmbeddingStore.Pending> chunk = todo.subList(i, Math.min(todo.size(), i + BATCH));
                store.save(embedder.model(), embed(chunk));
                progress.accept(chunk.size());
            }
            if (stopping) break;
            seq = page.get(page.size() - 1).changeSeq();
        }
        return seq;
    }

    private List<EmbeddingStore.Computed> embed(List<EmbeddingStore.Pending> chunk) {
        List<Future<EmbeddingStore.Computed>> futures = new ArrayList<>();
        for (EmbeddingStore.Pending p : chunk) {
            futures.add(workers.submit(() -> new EmbeddingStore.Computed(p.arxivId(), EmbeddingStore.textHash(p.text()), embedder.embedDocument(p.text()))));
        }
        List<EmbeddingStore.Computed> out = new ArrayList<>();
        for (Future<EmbeddingStore.Computed> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("embedding interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return out;
    }

    /** Follows new papers on a low-priority background thread until closed. */
    public void start() {
        background = new Thread(this::loop, "embedding-backfill");
        background.setDaemon(true);
        background.setPriority(Thread.MIN_PRIORITY);
        background.start();
    }

    /** Embeds the needed papers of one range; returns how many vectors it computed. */
    int embedRange(EmbeddingRanges.Range r) {
        List<EmbeddingStore.Pending> todo = r.papers().stream().filter(EmbeddingStore.Pending::needed).toList();
        for (int i = 0; i < todo.size() && !stopping; i += BATCH) {
            store.save(embedder.model(), embed(todo.subList(i, Math.min(todo.size(), i + BATCH))));
        }
        return todo.size();
    }

    /** One step of the shared loop: false when there was nothing to take. */
    boolean runSharedOnce() {
        var range = ranges.next(embedder.model());
        if (range.isEmpty()) return false;
        embedRange(range.get());
        if (!stopping) ranges.done(embedder.model(), range.get());
        return true;
    }

    private void sharedLoop() {
        while (!stopping) {
            try {
                if (!runSharedOnce()) Thread.sleep(IDLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopping) return;
                LOG.warn("embedding backfill: {}; retrying in a minute", e.getMessage());
                sleepQuietly(60_000);
            }
        }
    }

    /** Resumes where the last run got to, so a restart does not re-read and re-hash the whole catalog. */
    private void loop() {
        if (ranges != null) {
            long waiting = missing();
            if (waiting > 0) LOG.info("{} papers wait for {} embeddings; computing them with the other nodes", waiting, embedder.model());
            sharedLoop();
            return;
        }
        long seq = store.backfillCursor(embedder.model());
        long missing = missing();
        if (missing > 0) LOG.info("{} papers wait for {} embeddings; computing them in the background", missing, embedder.model());
        while (!stopping) {
            try {
                long next = runFrom(seq, n -> {});
                if (next == seq) {
                    Thread.sleep(IDLE_MILLIS);
                    continue;
                }
                store.saveBackfillCursor(embedder.model(), next);
                seq = next;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopping) return;
                LOG.warn("embedding backfill: {}; retrying in a minute", e.getMessage());
                sleepQuietly(60_000);
            }
        }
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            stopping = true;
        }
    }

    /** Stops and waits for inferences in flight: the model must not be closed under them (native crash). */
    @Override
    public void close() {
        stopping = true;
        if (background != null) background.interrupt();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) LOG.warn("embedding workers still busy after 30 s");
            if (background != null) background.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseRanges();
    }

    private void releaseRanges() {
        if (ranges == null) return;
        try {
            ranges.release(embedder.model());
        } catch (RuntimeException e) {
            LOG.warn("embedding ranges of this node stay leased until they run out: {}", e.getMessage());
        }
    }
}
