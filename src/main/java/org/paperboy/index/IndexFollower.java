package org.paperboy.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperChange;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the database by reading its two change sequences: papers written
 * (imports, updates, new versions) and vectors stored (the embedding backfill). Each node runs its
 * own follower, so nodes sharing one PostgreSQL keep their own indexes without talking. A paper a
 * moderator hides leaves the index (and so search, similar papers and topic digests) until restored.
 */
public final class IndexFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
    static final int BATCH = 500;
    /**
     * A long catch-up (a first serve on an imported catalog, a rebuild) commits every this many changes,
     * so that search sees the papers as they come and a killed process resumes from the last commit
     * instead of starting over.
     */
    static final int COMMIT_EVERY = 5_000;

    private final SearchIndex index;
    private final PaperRepository papers;
    private final EmbeddingStore embeddings;
    private ScheduledExecutorService timer;
    private volatile String lastError;
    private boolean matched; // guarded by catchUp's lock
    private final int commitEvery;

    /** @param embeddings null when search runs without vectors */
    public IndexFollower(SearchIndex index, PaperRepository papers, EmbeddingStore embeddings) {
        this(index, papers, embeddings, COMMIT_EVERY);
    }

    IndexFollower(SearchIndex index, PaperRepository papers, EmbeddingStore embeddings, int commitEvery) {
        this.commitEvery = commitEvery;
        this.index = index;
        this.papers = papers;
        this.embeddings = embeddings;
    }

    /** Total changes not yet applied, for a progress bar's total. */
    public long behind() {
        return Math.max(0, papers.lastChangeSeq() - index.paperSeq());
    }

    /**
     * Applies everything written since the last commit; returns the number of papers (re)indexed.
     * A fresh index starts its vector cursor at the current end, because reading the papers from
     * the start already brings their vectors.
     */
    public synchronized long catchUp(LongConsumer progress) {
        if (index.readOnly()) {
            index.refresh(); // the owner commits every second: see its latest commit
            return 0;
        }
        if (!matched) matchDatabase();
        long paperSeq = index.paperSeq();
        long vectorSeq = index.embeddingSeq();
        if (paperSeq == 0 && embeddings != null) vectorSeq = embeddings.lastChangeSeq();
        long applied = 0;
        long sinceCommit = 0;
        for (List<PaperChange> batch; !(batch = papers.changedSince(paperSeq, BATCH)).isEmpty(); ) {
            List<PaperChange> shown = contentChanged(batch.stream().filter(c -> !c.hidden()).toList());
            List<Paper> ps = shown.stream().map(PaperChange::paper).toList();
            Map<String, String> hashes = new HashMap<>();
            shown.forEach(c -> hashes.put(c.paper().id().base(), c.contentHash()));
            index.put(ps, vectorsOf(ps), hashes);
            List<String> gone = batch.stream().filter(PaperChange::hidden).map(c -> c.paper().id().base()).toList();
            index.remove(gone);
            paperSeq = batch.get(batch.size() - 1).seq();
            applied += ps.size() + gone.size();
            progress.accept(batch.size());
            sinceCommit += batch.size();
            if (sinceCommit >= commitEvery) {
                index.commit(paperSeq, vectorSeq);
                index.refresh();
                sinceCommit = 0;
            }
        }
        if (embeddings != null) {
            for (List<EmbeddingStore.Change> batch; !(batch = embeddings.changedSince(index.model(), vectorSeq, BATCH)).isEmpty(); ) {
                List<String> ids = batch.stream().map(EmbeddingStore.Change::arxivId).toList();
                Set<String> hidden = papers.hiddenAmong(ids);
                List<Paper> ps = papers.findMany(ids).values().stream().filter(p -> !hidden.contains(p.id().base())).toList();
                index.put(ps, vectorsOf(ps), papers.contentHashes(ids));
                vectorSeq = batch.get(batch.size() - 1).seq();
                applied += ps.size();
            }
        }
        if (paperSeq != index.paperSeq() || vectorSeq != index.embeddingSeq()) {
            index.commit(paperSeq, vectorSeq);
            index.refresh();
        }
        return applied;
    }

    /**
     * Once per follower, before its first catch-up: an index built from another database, or from a
     * later state of this one (a restored backup), starts again, or it would wait forever for
     * changes this database never made. A database is not swapped under a running follower.
     */
    private void matchDatabase() {
        String catalog = papers.catalogId();
        if (!catalog.equals(index.catalogId()) || aheadOfDatabase()) {
            if (index.paperSeq() > 0) LOG.warn("search index {} was built from another database, or from a later state of this one"
                    + " (a restored backup): rebuilding it", index.model().isEmpty() ? "(keyword)" : index.model());
            index.restartFrom(catalog);
        }
        matched = true;
    }

    private boolean aheadOfDatabase() {
        if (index.paperSeq() > papers.lastChangeSeq()) return true;
        return embeddings != null && index.embeddingSeq() > embeddings.lastChangeSeq();
    }

    /**
     * Votes, comments and moderation move a paper's change sequence too (listing caches watch it),
     * but leave what the index holds as it was: re-indexing would re-insert the paper's vector into
     * the HNSW graph for nothing.
     */
    private List<PaperChange> contentChanged(List<PaperChange> shown) {
        Map<String, String> indexed = index.indexedHashes(shown.stream().map(c -> c.paper().id().base()).toList());
        return shown.stream().filter(c -> c.contentHash() == null || !c.contentHash().equals(indexed.get(c.paper().id().base()))).toList();
    }

    private Map<String, float[]> vectorsOf(List<Paper> ps) {
        if (embeddings == null) return Map.of();
        return embeddings.vectors(index.model(), ps.stream().map(p -> p.id().base()).toList());
    }

    /** Polls the database every {@code periodMillis} on a background thread. */
    public void start(long periodMillis) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-follower");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollOnce, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Null while the index follows the database; otherwise why it does not (for /healthz). */
    public String problem() {
        String failure = index.readOnly() ? null : index.failure();
        return failure != null ? failure : lastError == null ? null : "search index follower: " + lastError;
    }

    void pollOnce() {
        try {
            // a writer Lucene closed after a disk error is reopened on its last commit; if the disk is still
            // full this fails again and the next poll retries, so search heals once there is room
            if (!index.readOnly() && index.failure() != null) {
                LOG.warn("{}; reopening it", index.failure());
                index.reopen();
            }
            long n = catchUp(x -> {});
            if (n > 0) LOG.debug("index follower applied {} changes (paper seq {})", n, index.paperSeq());
            if (lastError != null) LOG.info("index follower recovered");
            lastError = null;
        } catch (RuntimeException e) {
            // one line per distinct failure, not one per second
            if (!String.valueOf(e.getMessage()).equals(lastError)) LOG.warn("index follower: {}", e.getMessage());
            lastError = String.valueOf(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (timer == null) return;
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
