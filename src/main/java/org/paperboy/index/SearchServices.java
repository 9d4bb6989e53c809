package org.paperboy.index;

import java.nio.file.Path;
import java.time.Clock;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything search needs, built in order and closed in reverse: the embedder (when a model is
 * configured), the vector table, the Lucene index, the follower and the backfill.
 */
public final class SearchServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchServices.class);

    /** int8 HNSW vectors: recall@10 against exact search and the sizes are in the README. */
    public static final boolean QUANTIZED_VECTORS = false;
    public static final long FOLLOW_MILLIS = 1000;

    private final Embedder embedder;
    private final EmbeddingStore embeddings;
    private final SearchIndex index;
    private final PaperSearch search;
    private final IndexFollower follower;
    private final EmbeddingBackfill backfill;
    private static final long WAITING_TTL_NANOS = 5_000_000_000L;
    private volatile long waiting;
    private volatile long waitingCountedAt;
    private static final long BEHIND_TTL_NANOS = 1_000_000_000L;
    private volatile long behind;
    private volatile long behindCountedAt;

    /** @param modelId "" for keyword search only */
    public SearchServices(Path dataDir, String modelId, Database db, PaperRepository papers, int embeddingThreads) {
        this.embedder = modelId.isEmpty() ? null : new OnnxEmbedder(model(modelId), dataDir.resolve("cache"), 1);
        this.embeddings = embedder == null ? null : new EmbeddingStore(db);
        this.index = new SearchIndex(dataDir.resolve("index"), modelId, QUANTIZED_VECTORS);
        this.search = new PaperSearch(index, embedder);
        this.follower = new IndexFollower(index, papers, embeddings);
        this.backfill = embedder == null ? null : new EmbeddingBackfill(embeddings, embedder, embeddingThreads);
        // on PostgreSQL several nodes may share the catalog: they split the backfill between them
        if (backfill != null && db.dialect() == Database.Dialect.POSTGRESQL) {
            backfill.shared(new EmbeddingRanges(db, embeddings, Clock.systemUTC()));
        }
    }

    static EmbeddingModel model(String id) {
        EmbeddingModel m = EmbeddingModel.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown embedding model " + id));
        if (!m.available()) {
            throw new IllegalArgumentException("embedding model " + id + " is not on the classpath; only "
                    + EmbeddingModel.DEFAULT.id + " ships in paperboy.jar (the others are for bench/search.sh)");
        }
        return m;
    }

    /** For serve: follow the database every second and embed new papers in the background. */
    public void startBackground() {
        follower.start(FOLLOW_MILLIS);
        if (backfill != null) backfill.start();
        LOG.info("search index {} papers at change {}{}", index.size(), index.paperSeq(),
                embedder == null ? " (keyword only)" : ", vectors by " + embedder.model());
    }

    public PaperSearch search() {
        return search;
    }

    public SearchIndex index() {
        return index;
    }

    public IndexFollower follower() {
        return follower;
    }

    public Embedder embedder() {
        return embedder;
    }

    /**
     * Catalog changes the index has not applied yet, counted at most once a second. A second's lag after a
     * write is normal; a first serve on an imported catalog or a rebuild shows here for minutes.
     */
    public long indexBehind() {
        long now = System.nanoTime();
        if (now - behindCountedAt > BEHIND_TTL_NANOS || behindCountedAt == 0) {
            behind = follower.behind();
            behindCountedAt = now;
        }
        return behind;
    }

    /** Papers still waiting for their vector (0 without a model); counted at most every few seconds. */
    /** False when no embedding model is configured: semantic and hybrid search fall back to keyword. */
    public boolean semanticAvailable() {
        return embedder != null;
    }

    public long waitingForEmbeddings() {
        if (embeddings == null) return 0;
        long now = System.nanoTime();
        if (now - waitingCountedAt > WAITING_TTL_NANOS || waitingCountedAt == 0) {
            waiting = embeddings.countMissing(embedder.model());
            waitingCountedAt = now;
        }
        return waiting;
    }

    @Override
    public void close() {
        if (backfill != null) backfill.close();
        follower.close();
        index.close();
        if (embedder != null) embedder.close();
    }
}
