package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.paper.Paper;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperChange;
import org.paperboy.store.PaperRepository;

/**
 * The instance's catalog as the recommender sees it. The vocabulary (document frequencies) is
 * counted once from every stored paper and recounted when the catalog has grown by a
 * {@link #REBUILD_GROWTH} fraction; features are cached per paper id (bounded, least recently used).
 * A paper's stored embedding joins its features; features made while it had none are remade once
 * {@link #VECTOR_RECHECK_MILLIS} have passed, so the background backfill reaches the ranking.
 */
public final class DbCatalog implements Catalog {
    static final double REBUILD_GROWTH = 0.1;
    static final int FEATURE_CACHE = 50_000;
    static final long VECTOR_RECHECK_MILLIS = 10 * 60_000;
    private static final int BATCH = 2_000;

    /** Cached features; {@code vectorless} is when they were made without an embedding (0: they have one, or none is stored anywhere). */
    private record Cached(SparseVector features, long vectorless) {}

    private final PaperRepository papers;
    private final PaperVectors vectors;
    private volatile Vocabulary vocabulary;
    private volatile long builtAtCount = -1;
    private final Map<String, Cached> features = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> e) {
            return size() > FEATURE_CACHE;
        }
    };

    public DbCatalog(PaperRepository papers) {
        this(papers, PaperVectors.NONE);
    }

    public DbCatalog(PaperRepository papers, PaperVectors vectors) {
        this.papers = papers;
        this.vectors = vectors;
    }

    /** Counts the vocabulary now when there is none yet or the catalog grew enough. */
    public synchronized Vocabulary vocabulary() {
        long count = papers.count();
        if (vocabulary != null && count <= builtAtCount * (1 + REBUILD_GROWTH)) return vocabulary;
        List<Item> all = new ArrayList<>();
        long seq = 0;
        for (List<PaperChange> batch = papers.changedSince(seq, BATCH); !batch.isEmpty(); batch = papers.changedSince(seq, BATCH)) {
            for (PaperChange c : batch) if (!c.hidden()) all.add(item(c.paper()));
            seq = batch.get(batch.size() - 1).seq();
        }
        vocabulary = Vocabulary.build(all);
        builtAtCount = count;
        synchronized (features) {
            features.clear();
        }
        return vocabulary;
    }

    public static Item item(Paper p) {
        return new Item(p.id().base(), p.title(), p.abstractText(), p.categories(), p.listingDate());
    }

    @Override
    public Item item(String id) {
        return papers.findShown(id).map(DbCatalog::item).orElse(null);
    }

    public Map<String, Item> items(List<String> ids) {
        Map<String, Item> out = new LinkedHashMap<>();
        papers.findMany(ids).forEach((id, p) -> out.put(id, item(p)));
        return out;
    }

    @Override
    public List<Item> listedOn(LocalDate day) {
        return papers.listing(Listing.day(day)).stream().map(DbCatalog::item).toList();
    }

    @Override
    public SparseVector features(Item item) {
        long now = System.currentTimeMillis();
        synchronized (features) {
            Cached c = features.get(item.id());
            if (c != null && (c.vectorless() == 0 || now - c.vectorless() < VECTOR_RECHECK_MILLIS)) return c.features();
        }
        float[] vector = vectors == PaperVectors.NONE ? null : vectors.vectors(List.of(item.id())).get(item.id());
        SparseVector f = vocabulary().features(item, vector);
        synchronized (features) {
            features.put(item.id(), new Cached(f, vector != null || vectors == PaperVectors.NONE ? 0 : now));
        }
        return f;
    }

    @Override
    public int dimensions() {
        return vocabulary().dimensions();
    }
}
