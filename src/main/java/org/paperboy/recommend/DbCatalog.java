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
 */
public final class DbCatalog implements Catalog {
    static final double REBUILD_GROWTH = 0.1;
    static final int FEATURE_CACHE = 50_000;
    private static final int BATCH = 2_000;

    private final PaperRepository papers;
    private volatile Vocabulary vocabulary;
    private volatile long builtAtCount = -1;
    private final Map<String, SparseVector> features = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SparseVector> e) {
            return size() > FEATURE_CACHE;
        }
    };

    public DbCatalog(PaperRepository papers) {
        this.papers = papers;
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

    /** The catalog's change sequence: it moves with every new or changed paper, vote and moderation. */
    public long changeSeq() {
        return papers.lastChangeSeq();
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
        synchronized (features) {
            SparseVector f = features.get(item.id());
            if (f != null) return f;
        }
        SparseVector f = vocabulary().features(item);
        synchronized (features) {
            features.put(item.id(), f);
        }
        return f;
    }

    @Override
    public int dimensions() {
        return vocabulary().dimensions();
    }
}
