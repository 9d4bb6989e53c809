package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks listings for a reader: the reader's model (cached within a memory budget, retrained in the
 * background when their signals change), follows as boosts, hidden papers removed, a reason on every paper. Visitors get
 * the instance profile: the admin's seeds, else every reader's positives together.
 */
public final class ForYou implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ForYou.class);

    /** Positives from which For you is the default order of a reader's listings. */
    public static final int ENOUGH_SIGNALS = 3;
    /** Training looks at the papers passed over on this many of the reader's latest active days. */
    static final int ACTIVE_DAYS = 20;
    static final double AUTHOR_BOOST = 3.0;
    static final double CATEGORY_BOOST = 1.0;
    static final double SEARCH_BOOST = 1.5;
    /** A list this long is scored on all cores; below it the threads' start costs more than they save. */
    static final int PARALLEL_FROM = 128;
    /** The instance profile is rebuilt at most this often (it changes with everyone's signals). */
    static final long INSTANCE_TTL_MILLIS = 10 * 60_000;
    static final long INSTANCE_ID = -1;

    public record Pick(Paper paper, double score, String reason) {}

    /** A reader's trained model, with their follows and the papers they hid (part of the signals the model is keyed by). */
    private record Cached(ReaderModel model, Vocabulary vocabulary, List<SignalRepository.Follow> follows, long builtAt, Set<String> signalKeys,
                          Set<String> hidden) {}

    /** A digest's For-you picks for one reader, and the papers they hid (which leave the rest of their mail too). */
    public record DigestPicks(List<Pick> picks, Set<String> hidden) {}

    private final DbCatalog catalog;
    private final SignalRepository signals;
    private final Ranker ranker;
    private final DenseScratch scratch = new DenseScratch();
    /** A reader's trainings take turns (on one of these locks, picked by the reader's id). */
    private final Object[] trainingLocks = new Object[64];
    private final ModelCache<Cached> models;
    /**
     * A period's ranking for one reader and the model and catalog state it was computed from; its
     * picks by versioned paper id, whose scores and reasons stay right while the model does.
     */
    private record Ranking(Cached model, long catalogSeq, List<Pick> picks, Map<String, Pick> byVersion) {
        Ranking(Cached model, long catalogSeq, List<Pick> picks) {
            this(model, catalogSeq, picks, byVersion(picks));
        }

        private static Map<String, Pick> byVersion(List<Pick> picks) {
            Map<String, Pick> out = new HashMap<>(picks.size() * 2);
            for (Pick p : picks) out.put(p.paper().id().toString(), p);
            return out;
        }
    }

    /** Rankings kept (a day is a few hundred picks); least recently asked for go first. */
    static final int RANKINGS_KEPT = 64;
    private final Map<String, Ranking> rankings = new LinkedHashMap<>(128, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ranking> e) {
            return size() > RANKINGS_KEPT;
        }
    };
    private final ScheduledExecutorService background =
            Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("for-you-train").unstarted(r));
    /** How often the newest day's features are checked (a harvest lands once a day; a pass without news costs one query). */
    static final long WARM_EVERY_SECONDS = 60;
    /** The change sequence the newest day was last prepared at (touched by the background thread only). */
    private long warmedAtSeq = -1;

    public ForYou(DbCatalog catalog, SignalRepository signals) {
        this(catalog, signals, ModelCache.defaultBudget());
    }

    /** @param modelBytes how much memory the readers' cached models may take (estimated) */
    public ForYou(DbCatalog catalog, SignalRepository signals, long modelBytes) {
        models = new ModelCache<>(modelBytes, c -> c.model().bytes());
        for (int i = 0; i < trainingLocks.length; i++) trainingLocks[i] = new Object();
        this.catalog = catalog;
        this.signals = signals;
        this.ranker = new Ranker(catalog);
    }

    /**
     * Counts the catalog's vocabulary in the background, and from then on makes the features of the
     * newest day's papers whenever the catalog changed: the first reader of a harvested day does not
     * wait for them, whichever node harvested it.
     */
    public void warmUp() {
        background.scheduleWithFixedDelay(this::warmLatestDay, 0, WARM_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void warmLatestDay() {
        try {
            long seq = catalog.changeSeq();
            if (seq == warmedAtSeq) return;
            int made = catalog.warmLatestDay();
            warmedAtSeq = seq;
            if (made > 0) LOG.debug("features of {} papers of the newest day made ahead of its readers", made);
        } catch (RuntimeException e) {
            // a failed pass must not end the schedule: the next one tries again
            LOG.warn("preparing the newest day for For you failed: {}", e.toString());
        }
    }

    /** The reader's signals changed: drop the model and retrain it in the background. */
    public void changed(long userId) {
        models.remove(userId);
        background.submit(() -> {
            try {
                model(userId);
            } catch (RuntimeException e) {
                LOG.warn("retraining for user {} failed: {}", userId, e.toString());
            }
        });
    }

    public boolean hasEnoughSignals(long userId) {
        return enough(model(userId));
    }

    private static boolean enough(Cached c) {
        return c.model().positives().size() >= ENOUGH_SIGNALS || !c.follows().isEmpty();
    }

    /** The papers without the reader's hidden ones, best first for them, each with its reason. */
    public List<Pick> rank(long userId, List<Paper> papers) {
        Cached c = model(userId);
        return rank(c, shown(papers, c.hidden()));
    }

    /**
     * As {@link #rank(long, List)} for one period ({@code periodKey} names it), remembered: asked
     * again while the reader's model (every signal, hidden papers included) and the catalog's change
     * sequence (new papers, votes, moderation) are what they were, the ranking is not computed again.
     * After a change in the catalog with the same model, the period's papers are read again (new
     * papers, new vote counts) but only the papers not scored before are scored: a vote elsewhere
     * does not cost a reader the scoring of the whole day.
     */
    public List<Pick> rank(long userId, String periodKey, Supplier<List<Paper>> papers) {
        // the sequence is read before the papers: a change in between makes the next request recompute
        long seq = catalog.changeSeq();
        Cached c = model(userId);
        String key = userId + " " + periodKey;
        Ranking r;
        synchronized (rankings) {
            r = rankings.get(key);
        }
        if (r != null && r.model() == c && r.catalogSeq() == seq) return r.picks();
        Map<String, Pick> known = r != null && r.model() == c ? r.byVersion() : Map.of();
        List<Pick> picks = List.copyOf(rank(c, shown(papers.get(), c.hidden()), Integer.MAX_VALUE, known, true));
        synchronized (rankings) {
            rankings.put(key, new Ranking(c, seq, picks));
        }
        return picks;
    }

    /**
     * A digest's For-you section: the reader's best {@code n}, with reasons; none for a reader
     * without {@link #ENOUGH_SIGNALS} (the section would be noise). One look at the model for both.
     */
    public DigestPicks digestPicks(long userId, List<Paper> papers, int n) {
        Cached c = model(userId);
        if (!enough(c)) return new DigestPicks(List.of(), c.hidden());
        // a digest already ranks one reader per core
        return new DigestPicks(rank(c, shown(papers, c.hidden()), n, Map.of(), false), c.hidden());
    }

    private static List<Paper> shown(List<Paper> papers, Set<String> hidden) {
        if (hidden.isEmpty()) return papers;
        return papers.stream().filter(p -> !hidden.contains(p.id().base())).toList();
    }

    /** For visitors: the instance profile's order; arXiv's, without scores or reasons, until the first count (as {@link #orderForVisitors}). */
    public List<Pick> rankForVisitors(List<Paper> papers) {
        if (!ordersVisitors()) return unscored(papers);
        return rank(instance(), papers);
    }

    /**
     * A reader's papers before For you can rank ({@link #ranksReadersNow} false): as they came, without
     * scores or reasons, the reader's hidden ones left out. Reads the hidden ids alone: the reader's
     * model would wait for the count.
     */
    public List<Pick> unranked(long userId, List<Paper> papers) {
        return unscored(shown(papers, Set.copyOf(signals.ids(userId, SignalRepository.HIDE))));
    }

    private static List<Pick> unscored(List<Paper> papers) {
        return papers.stream().map(p -> new Pick(p, Double.NaN, "")).toList();
    }

    /** Whether a reader's ranking can be made without waiting for the start's count of a large catalog. */
    public boolean ranksReadersNow() {
        return catalog.ranksNow();
    }

    /** Whether visitors' pages get the instance's order yet: not before the catalog's first count. */
    public boolean ordersVisitors() {
        return catalog.counted();
    }

    /**
     * The papers in the instance profile's order, without reasons (the day page's long tail); as they
     * came while the instance has no profile yet (no seeds, and no reader's positives) or the
     * catalog's vocabulary was never counted yet (a node just started).
     */
    public List<Paper> orderForVisitors(List<Paper> papers) {
        // a visitor does not wait for the first count (the background warm-up makes it): arXiv's order until then
        if (!ordersVisitors()) return papers;
        Cached c = instance();
        if (c.model().positives().isEmpty()) return papers;
        Map<Paper, Double> scores = new IdentityHashMap<>();
        for (Paper p : papers) scores.put(p, c.model().score(catalog.features(p)));
        List<Paper> out = new ArrayList<>(papers);
        out.sort(Comparator.comparingDouble((Paper p) -> scores.get(p)).reversed());
        return out;
    }

    /**
     * The instance profile, trained again when the admin's seeds changed (on any node: they are read
     * each time), and otherwise at most every {@link #INSTANCE_TTL_MILLIS}, as everyone's signals move.
     */
    private Cached instance() {
        Cached c = models.get(INSTANCE_ID);
        // counted (or recounted) before training: the papers' features are made with the vocabulary of the last count
        Vocabulary v = catalog.vocabulary();
        Set<String> seeds = Set.copyOf(signals.instanceSeeds());
        if (c == null || c.vocabulary() != v || !c.signalKeys().equals(seeds) || System.currentTimeMillis() - c.builtAt() > INSTANCE_TTL_MILLIS) {
            c = trainInstance(seeds, v);
            models.put(INSTANCE_ID, c);
        }
        return c;
    }

    private Cached model(long userId) {
        Cached c = models.get(userId);
        Vocabulary v = catalog.vocabulary();
        List<SignalRepository.Mark> marks = signals.signals(userId);
        List<SignalRepository.Follow> follows = signals.follows(userId);
        Set<String> keys = new HashSet<>();
        for (SignalRepository.Mark m : marks) keys.add(m.kind() + " " + m.arxivId());
        for (SignalRepository.Follow f : follows) keys.add(f.kind() + ": " + f.target());
        // upvotes reach this table without telling us: the signals themselves say whether the model is current
        if (current(c, v, keys)) return c;
        // a request that comes while the background retrains this reader waits for that model instead of
        // training the same signals a second time beside it (two trainings on two cores doubled the wait)
        synchronized (trainingLocks[Math.floorMod(Long.hashCode(userId), trainingLocks.length)]) {
            c = models.get(userId);
            if (current(c, v, keys)) return c;
            long t0 = System.nanoTime();
            List<Signal> list = new ArrayList<>();
            for (SignalRepository.Mark m : marks) list.add(new Signal(m.arxivId(), kind(m.kind())));
            ReaderModel model = ranker.train(list, passedOver(list));
            Set<String> hidden = new HashSet<>();
            for (SignalRepository.Mark m : marks) if (m.kind().equals(SignalRepository.HIDE)) hidden.add(m.arxivId());
            c = new Cached(model, v, follows, System.currentTimeMillis(), keys, Set.copyOf(hidden));
            models.put(userId, c);
            LOG.debug("trained user {} on {} signals in {} ms", userId, list.size(), (System.nanoTime() - t0) / 1_000_000);
            return c;
        }
    }

    private static boolean current(Cached c, Vocabulary v, Set<String> keys) {
        return c != null && c.vocabulary() == v && c.signalKeys().equals(keys);
    }

    private Cached trainInstance(Set<String> seeds, Vocabulary v) {
        List<Signal> list = new ArrayList<>();
        for (String id : new TreeSet<>(seeds)) list.add(new Signal(id, Signal.Kind.SEEDED));
        if (list.isEmpty()) for (SignalRepository.Mark m : signals.allPositives()) list.add(new Signal(m.arxivId(), kind(m.kind())));
        return new Cached(ranker.train(list, passedOver(list)), v, List.of(), System.currentTimeMillis(), seeds, Set.of());
    }

    /** Papers of the latest {@link #ACTIVE_DAYS} days with positive signals that the reader left alone. */
    private List<Item> passedOver(List<Signal> list) {
        Set<String> acted = new HashSet<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        Map<String, Item> items = catalog.items(list.stream().filter(s -> s.kind().positive).map(Signal::paperId).toList());
        for (Signal s : list) acted.add(s.paperId());
        for (Item i : items.values()) if (i.day() != null) days.add(i.day());
        List<Item> out = new ArrayList<>();
        int n = 0;
        for (LocalDate day : days.descendingSet()) {
            if (n++ >= ACTIVE_DAYS) break;
            for (Item i : catalog.listedOn(day)) if (!acted.contains(i.id())) out.add(i);
        }
        return out;
    }

    /** A page's ranking: every paper explained, scored on all cores. */
    private List<Pick> rank(Cached c, List<Paper> papers) {
        return rank(c, papers, Integer.MAX_VALUE, Map.of(), true);
    }

    private record Scored(Paper paper, SparseVector x, Likeness.Match nearest, String author, String category, double score, String reason) {}

    /**
     * All papers scored and ordered; a reason for the first {@code explained} of them only (a digest
     * shows five). A paper in {@code known} (by versioned id) keeps the score and reason it has there.
     * With {@code parallel}, a long list is scored on all cores: a reader waits for one day's ranking,
     * and the features and likes of one paper need nothing from another's.
     */
    private List<Pick> rank(Cached c, List<Paper> papers, int explained, Map<String, Pick> known, boolean parallel) {
        try (ReaderModel.Dense dense = c.model().dense(scratch)) {
            Scored[] scored = new Scored[papers.size()];
            IntStream each = IntStream.range(0, scored.length);
            (parallel && scored.length >= PARALLEL_FROM ? each.parallel() : each).forEach(i -> scored[i] = score(c, dense, papers.get(i), known));
            Arrays.sort(scored, Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.paper().id().base()));
            Reasons reasons = new Reasons(c.vocabulary());
            List<Pick> out = new ArrayList<>(Math.min(explained, scored.length));
            for (Scored s : scored) {
                if (out.size() >= explained) break;
                String reason = s.reason() != null ? s.reason()
                        : reasons.explain(dense::termWeights, s.nearest(), s.x(), s.author(), s.category()).text();
                out.add(new Pick(s.paper(), s.score(), reason));
            }
            return out;
        }
    }

    private Scored score(Cached c, ReaderModel.Dense dense, Paper p, Map<String, Pick> known) {
        Pick before = known.get(p.id().toString());
        if (before != null) return new Scored(p, null, null, null, null, before.score(), before.reason());
        SparseVector x = catalog.features(p);
        String author = followedAuthor(c.follows(), p);
        String category = followedCategory(c.follows(), p);
        boolean search = matchesSearch(c.follows(), p);
        ReaderModel.Score model = dense.score(x);
        double score = model.value() + (author != null ? AUTHOR_BOOST : 0) + (category != null ? CATEGORY_BOOST : 0) + (search ? SEARCH_BOOST : 0);
        return new Scored(p, x, model.nearest(), author, category, score, null);
    }

    static String followedAuthor(List<SignalRepository.Follow> follows, Paper p) {
        for (SignalRepository.Follow f : follows) {
            if (!f.kind().equals(SignalRepository.AUTHOR)) continue;
            for (Author a : p.authors()) if (a.name().equalsIgnoreCase(f.target())) return a.name();
        }
        return null;
    }

    static String followedCategory(List<SignalRepository.Follow> follows, Paper p) {
        for (SignalRepository.Follow f : follows) {
            if (f.kind().equals(SignalRepository.CATEGORY) && p.categories().contains(f.target())) return f.target();
        }
        return null;
    }

    /** A followed search matches when every one of its words is in the title or abstract. */
    static boolean matchesSearch(List<SignalRepository.Follow> follows, Paper p) {
        String text = null;
        for (SignalRepository.Follow f : follows) {
            if (!f.kind().equals(SignalRepository.SEARCH)) continue;
            if (text == null) text = (p.title() + " " + (p.abstractText() == null ? "" : p.abstractText())).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : f.target().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty() && !text.contains(w)) all = false;
            }
            if (all) return true;
        }
        return false;
    }

    private static Signal.Kind kind(String stored) {
        return switch (stored) {
            case SignalRepository.SAVE -> Signal.Kind.SAVED;
            case SignalRepository.HIDE -> Signal.Kind.HIDDEN;
            case SignalRepository.SEED -> Signal.Kind.SEEDED;
            default -> Signal.Kind.UPVOTED;
        };
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            // a retrain still reading the database must end before the database closes
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
