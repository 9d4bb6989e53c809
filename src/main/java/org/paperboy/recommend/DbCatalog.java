package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.paperboy.paper.Paper;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;

/**
 * The instance's catalog as the recommender sees it. The vocabulary (document frequencies) is
 * counted once from the stored papers (every one up to {@link #VOCABULARY_PAPERS}, else the newest
 * listing days' that many) and recounted when the catalog has grown by a {@link #REBUILD_GROWTH}
 * fraction of what was counted; features are cached per paper id (bounded, least recently used).
 * Papers by id and by listing day are kept while the catalog's change sequence stays where it was:
 * retraining thousands of readers before a digest reads the same few days again and again.
 * A paper's stored embedding joins its features; features made while it had none are remade once
 * {@link #VECTOR_RECHECK_MILLIS} have passed, so the background backfill reaches the ranking.
 */
public final class DbCatalog implements Catalog {
    static final double REBUILD_GROWTH = 0.1;
    /**
     * At most this many papers are counted, the newest by listing day (about a year and a half of
     * arXiv): all of arXiv (2.7M papers) took a 1 GB node out of heap, and a term that occurs in no
     * recent paper cannot change how a recent day ranks.
     */
    public static final int VOCABULARY_PAPERS = 400_000;
    /**
     * Up to this many papers a request that finds the catalog grown counts again itself (a second or
     * two: a fresh instance's first harvest ranks at once); beyond it only the background warm-up
     * does ({@link #warmLatestDay}, within a minute), so no reader waits for a count of 400,000 papers.
     */
    static final int INLINE_RECOUNT_MAX = 10_000;
    static final int FEATURE_CACHE = 50_000;
    private static final int BATCH = 2_000;
    static final long VECTOR_RECHECK_MILLIS = 10 * 60_000;

    /**
     * Cached features; {@code vectorless} is when they were made without an embedding (0: they have one,
     * or none is stored anywhere); {@code source} tells a new version's text or categories from the ones
     * they were made of (the cache is keyed by base id).
     */
    private record Cached(SparseVector features, long vectorless, int source) {}

    private final PaperRepository papers;
    private final PaperVectors vectors;
    private final int vocabularyPapers;
    private final int inlineRecountMax;
    private volatile Vocabulary vocabulary;
    private volatile long builtAtCount = -1;
    /** Set by {@link #ranksNow} when the catalog held more than {@code inlineRecountMax} papers before its first count. */
    private volatile boolean tooLargeToCountInline;
    /** The vocabulary the cached vectors were counted with (guarded by {@code features}). */
    private Vocabulary cachedFor;
    private volatile long checkedAtSeq = -1;
    private final Map<String, Cached> features = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> e) {
            return size() > FEATURE_CACHE;
        }
    };

    /** What was read at one change sequence: papers by id (null: not shown) and by listing day. */
    private record Snapshot(long seq, Map<String, Optional<Item>> items, Map<LocalDate, List<Item>> days) {
        Snapshot(long seq) {
            this(seq, lru(FEATURE_CACHE), lru(DAYS_KEPT));
        }
    }

    static final int DAYS_KEPT = 64;
    private volatile Snapshot snapshot = new Snapshot(-1);

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> e) {
                return size() > max;
            }
        };
    }

    /** The snapshot of the current change sequence (a fresh one once anything changed). */
    private Snapshot current() {
        long seq = papers.lastChangeSeq();
        Snapshot s = snapshot;
        if (s.seq() == seq) return s;
        synchronized (features) {
            if (snapshot.seq() != seq) snapshot = new Snapshot(seq);
            return snapshot;
        }
    }

    public DbCatalog(PaperRepository papers) {
        this(papers, PaperVectors.NONE);
    }

    public DbCatalog(PaperRepository papers, PaperVectors vectors) {
        this(papers, vectors, VOCABULARY_PAPERS, INLINE_RECOUNT_MAX);
    }

    /**
     * @param vocabularyPapers papers the vocabulary is counted over at most ({@link #VOCABULARY_PAPERS})
     * @param inlineRecountMax papers up to which a request counts the vocabulary itself ({@link #INLINE_RECOUNT_MAX})
     */
    public DbCatalog(PaperRepository papers, PaperVectors vectors, int vocabularyPapers, int inlineRecountMax) {
        this.papers = papers;
        this.vectors = vectors;
        this.vocabularyPapers = vocabularyPapers;
        this.inlineRecountMax = inlineRecountMax;
    }

    /**
     * Counts the vocabulary now when there is none yet, or when the catalog grew enough while it is
     * small ({@link #INLINE_RECOUNT_MAX}); the papers are counted again only once the change
     * sequence moved (every request and digest mail asks).
     */
    public Vocabulary vocabulary() {
        Vocabulary known = vocabulary;
        return known != null && builtAtCount > inlineRecountMax ? known : recountIfGrown();
    }

    /** As {@link #vocabulary()}, counting again whenever the catalog grew enough, whatever its size. */
    Vocabulary recountIfGrown() {
        long now = papers.lastChangeSeq();
        Vocabulary known = vocabulary;
        // the common case reads one counter row and takes no lock: readers ranking in parallel do not queue here
        if (known != null && now == checkedAtSeq) return known;
        return vocabulary(now);
    }

    /** Whether a vocabulary was counted yet (the first count reads up to 400,000 papers: most of a minute at a million). */
    public boolean counted() {
        return vocabulary != null;
    }

    /**
     * Whether a request may rank now: counted, or small enough ({@link #INLINE_RECOUNT_MAX}) to count
     * inside the request. A catalog found too large is remembered so: every signed-in reader's day page
     * asks, and counting a million rows for each of them until the first count is done costs more than it tells.
     */
    public boolean ranksNow() {
        if (vocabulary != null) return true;
        if (tooLargeToCountInline) return false;
        tooLargeToCountInline = papers.count() > inlineRecountMax;
        return !tooLargeToCountInline;
    }

    private synchronized Vocabulary vocabulary(long now) {
        if (vocabulary != null && now == checkedAtSeq) return vocabulary;
        long count = papers.count();
        if (vocabulary == null || count > builtAtCount + Math.min(builtAtCount, vocabularyPapers) * REBUILD_GROWTH) {
            Stream<Item> counted = count <= vocabularyPapers ? everyPaper() : newestDays();
            vocabulary = Vocabulary.build(counted::iterator);
            builtAtCount = count;
            synchronized (features) {
                features.clear();
            }
        }
        checkedAtSeq = now;
        return vocabulary;
    }

    /** Every shown paper, read a page at a time (never all held at once). */
    private Stream<Item> everyPaper() {
        return Stream.iterate(papers.changedSince(0, BATCH), batch -> !batch.isEmpty(),
                        batch -> papers.changedSince(batch.get(batch.size() - 1).seq(), BATCH))
                .flatMap(batch -> batch.stream().filter(c -> !c.hidden()).map(c -> Item.of(c.paper())));
    }

    /** The papers of the newest listing days, a day at a time, until {@code vocabularyPapers} are read. */
    private Stream<Item> newestDays() {
        List<LocalDate> days = new ArrayList<>(papers.listingDays());
        Collections.reverse(days);
        AtomicLong read = new AtomicLong();
        return days.stream().takeWhile(day -> read.get() < vocabularyPapers).flatMap(day -> {
            List<Paper> listed = papers.listing(Listing.day(day));
            read.addAndGet(listed.size());
            return listed.stream().map(Item::of);
        });
    }

    /** The catalog's change sequence: it moves with every new or changed paper, vote and moderation. */
    public long changeSeq() {
        return papers.lastChangeSeq();
    }

    @Override
    public Item item(String id) {
        Snapshot s = current();
        synchronized (s) {
            Optional<Item> known = s.items().get(id);
            if (known != null) return known.orElse(null);
        }
        Optional<Item> found = papers.findShown(id).map(Item::of);
        synchronized (s) {
            s.items().put(id, found);
        }
        return found.orElse(null);
    }

    public Map<String, Item> items(List<String> ids) {
        Map<String, Item> out = new LinkedHashMap<>();
        papers.findMany(ids).forEach((id, p) -> out.put(id, Item.of(p)));
        return out;
    }

    @Override
    public List<Item> listedOn(LocalDate day) {
        Snapshot s = current();
        synchronized (s) {
            List<Item> known = s.days().get(day);
            if (known != null) return known;
        }
        List<Item> listed = papers.listing(Listing.day(day)).stream().map(Item::of).toList();
        synchronized (s) {
            s.days().put(day, listed);
        }
        return listed;
    }

    @Override
    public SparseVector features(Item item) {
        Vocabulary v = checkedVocabulary();
        long now = System.currentTimeMillis();
        SparseVector known = cached(v, item.id(), item.source(), now);
        return known != null ? known : make(v, item, now);
    }

    /** As {@link #features(Item)}, the paper read as an {@link Item} only when its features must be made. */
    public SparseVector features(Paper p) {
        Vocabulary v = checkedVocabulary();
        long now = System.currentTimeMillis();
        SparseVector known = cached(v, p.id().base(), Item.source(p), now);
        return known != null ? known : make(v, Item.of(p), now);
    }

    /** Makes one paper's features, its embedding read alone. */
    private SparseVector make(Vocabulary v, Item item, long now) {
        return make(v, item, vectors.vectors(List.of(item.id())).get(item.id()), now);
    }

    /**
     * Makes and caches the features of the papers that have none cached, their embeddings read in one
     * query; returns how many it made. On one thread: a ranking makes its papers' features inside its
     * scoring, spread over the cores, which costs its reader less than one query for all of them first.
     */
    public int prepare(List<Item> items) {
        Vocabulary v = checkedVocabulary();
        long now = System.currentTimeMillis();
        List<Item> missing = items.stream().filter(i -> cached(v, i.id(), i.source(), now) == null).toList();
        if (missing.isEmpty()) return 0;
        Map<String, float[]> found = vectors.vectors(missing.stream().map(Item::id).toList());
        for (Item item : missing) make(v, item, found.get(item.id()), now);
        return missing.size();
    }

    /**
     * The vocabulary the caller's model was just checked against: asking the database for the change
     * sequence again for every paper was one query per candidate (hundreds per request and per digest mail).
     */
    private Vocabulary checkedVocabulary() {
        Vocabulary v = vocabulary;
        return v != null ? v : vocabulary();
    }

    private SparseVector make(Vocabulary v, Item item, float[] vector, long now) {
        SparseVector f = v.features(item, vector);
        synchronized (features) {
            // a vector of the vocabulary that was just replaced must not stay in the cache of the new one
            if (v != cachedFor) {
                features.clear();
                cachedFor = v;
            }
            features.put(item.id(), new Cached(f, vector != null || vectors == PaperVectors.NONE ? 0 : now, item.source()));
        }
        return f;
    }

    /** The features cached for the paper with this vocabulary, or null when they must be made (again). */
    private SparseVector cached(Vocabulary v, String id, int source, long now) {
        Cached c;
        synchronized (features) {
            c = v == cachedFor ? features.get(id) : null;
        }
        if (c == null || c.source() != source) return null;
        return c.vectorless() == 0 || now - c.vectorless() < VECTOR_RECHECK_MILLIS ? c.features() : null;
    }

    /**
     * Makes the features of the newest day's papers that are not cached yet, so that the first reader
     * of a new day does not wait for them (most of a first ranking's time); returns how many it made.
     */
    public int warmLatestDay() {
        Optional<LocalDate> day = papers.latestDay();
        if (day.isEmpty()) return 0;
        // counted again first when the catalog grew (here, in the background, at any size): the day is
        // prepared for the vocabulary readers will rank with
        recountIfGrown();
        return prepare(listedOn(day.get()));
    }

    @Override
    public int dimensions() {
        return vocabulary().dimensions();
    }
}
