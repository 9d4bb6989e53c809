package org.paperboy.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The catalog's terms with their document frequencies, and the one place that turns a paper into
 * features: sublinear tf-idf of its text (stemmed words and phrases of up to {@link #NGRAMS} stems
 * from title and abstract), L2-normalised, followed by its categories and its embedding. Terms
 * seen in fewer than {@link #MIN_DF} papers are dropped: they cannot generalise from one paper to
 * another, and would only dilute the norm. Phrases are kept by a 64-bit hash, not as strings: a
 * catalog has millions of them.
 */
public final class Vocabulary {
    static final int MIN_DF = 2;
    /**
     * Phrases up to this many stems: a reader's papers share the names of their methods, data and
     * tasks ("graph neural network", "sparse mixture of experts") far more than single words. On
     * the recs-dev readers a plain tf-idf centroid scores words 0.233, up to 2 stems 0.281, 3: 0.299,
     * 4: 0.305; in the For-you model (subset of 200 readers) 2: 0.353 (categories 0.25), 3: 0.356, 4: 0.352.
     */
    static final int NGRAMS = 3;
    /**
     * How much the categories weigh next to the text (whose part has norm 1). Phrases spread the
     * text over more features, so its cosines are smaller and a heavier category block would make
     * every paper of the reader's category look alike (recs-dev subset: 0.5 → 0.324, 0.2 → 0.350,
     * 0.15 → 0.356, 0.1 → 0.356; with words alone 0.5 was best).
     */
    static final double CATEGORY_WEIGHT = 0.15;
    /**
     * The title counts as often as this many abstract mentions, and a phrase weighs this much of a
     * word of the same tf-idf before the text is scaled to norm 1. Phrases are many and each is
     * specific, so at full weight they crowd the words out of a paper's vector; counting the title
     * twice repeated its phrases too (recs-dev subset of 200 readers: title 2 and phrases 1.0 0.3562,
     * title 1: 0.3571, phrases 0.7: 0.3602, both: 0.3646; phrases 0.5 / 0.6 / 0.8 with title 1:
     * 0.3604 / 0.3635 / 0.3636; the other 404 readers 0.3309 -> 0.3368).
     */
    static final int TITLE_REPEAT = 1;
    static final double PHRASE_WEIGHT = 0.7;
    /** Width of the stored paper embeddings (bge-small, MiniLM) that follow the categories when a paper has one. */
    public static final int VECTOR_WIDTH = 384;
    /**
     * How much a paper's embedding (norm 1) weighs next to its text. bge-small tells a reader's own
     * field apart less well than their phrases do (recs-dev subset, bge-small-en-v1.5-q: without
     * 0.3569, 0.5: 0.3573, 1.0: 0.3359).
     */
    static final double VECTOR_WEIGHT = 0.5;

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    /** How papers become features; {@link #DEFAULT} is what Paperboy ranks with (chosen on the recs-dev benchmark). */
    public record Options(double categoryWeight, int titleRepeat, int ngrams, double phraseWeight, double vectorWeight) {
        public static final Options DEFAULT = new Options(CATEGORY_WEIGHT, TITLE_REPEAT, NGRAMS, PHRASE_WEIGHT, VECTOR_WEIGHT);
    }

    /** A paper's text as counts of words and of phrases (by hash). */
    record Terms(Map<String, Integer> words, Map<Long, Integer> phrases) {}

    private final Options options;

    private final Map<String, Integer> termIds;
    private final String[] terms;
    /** Hashes of the kept phrases; phrase k is feature terms.length + k. */
    private final SortedHashes phrases;
    /** Idf of the words, then of the phrases. */
    private final float[] idf;
    private final Map<String, Integer> categoryIds;
    private final String[] categories;
    private final float[] categoryIdf;

    private Vocabulary(Map<String, int[]> termDf, PhraseCounts phraseDf, Map<String, int[]> catDf, int docs, Options options) {
        this.options = options;
        termIds = new HashMap<>();
        List<String> kept = new ArrayList<>();
        termDf.forEach((t, df) -> {
            if (df[0] >= MIN_DF) kept.add(t);
        });
        kept.sort(null);
        terms = kept.toArray(String[]::new);
        phrases = new SortedHashes(phraseDf.atLeast(MIN_DF));
        idf = new float[terms.length + phrases.size()];
        for (int i = 0; i < terms.length; i++) {
            termIds.put(terms[i], i);
            idf[i] = idf(docs, termDf.get(terms[i])[0]);
        }
        for (int k = 0; k < phrases.size(); k++) idf[terms.length + k] = idf(docs, phraseDf.count(phrases.get(k)));
        List<String> cats = new ArrayList<>(catDf.keySet());
        cats.sort(null);
        categories = cats.toArray(String[]::new);
        categoryIds = new HashMap<>();
        categoryIdf = new float[categories.length];
        for (int i = 0; i < categories.length; i++) {
            categoryIds.put(categories[i], i);
            categoryIdf[i] = idf(docs, catDf.get(categories[i])[0]);
        }
    }

    private static float idf(int docs, int df) {
        return (float) (Math.log((docs + 1.0) / (df + 1.0)) + 1.0);
    }

    /** Counts document frequencies over the catalog. */
    public static Vocabulary build(Iterable<Item> items) {
        return build(items, Options.DEFAULT);
    }

    /** Papers analysed together on every core; their counts are then added in order by one thread. */
    static final int ANALYSED_TOGETHER = 2_000;

    public static Vocabulary build(Iterable<Item> items, Options options) {
        Counts counts = new Counts();
        List<Item> batch = new ArrayList<>(ANALYSED_TOGETHER);
        for (Item item : items) {
            batch.add(item);
            if (batch.size() < ANALYSED_TOGETHER) continue;
            counts.add(batch, options);
            batch.clear();
        }
        counts.add(batch, options);
        return new Vocabulary(counts.termDf, counts.phraseDf, counts.catDf, counts.docs, options);
    }

    /** Document frequencies while they are counted. */
    private static final class Counts {
        final Map<String, int[]> termDf = new HashMap<>();
        final PhraseCounts phraseDf = new PhraseCounts();
        final Map<String, int[]> catDf = new HashMap<>();
        int docs;

        /**
         * The analyser's stemming is most of a count (8,000 papers/s on one core), so a batch's papers
         * are analysed in parallel; the counting stays on this thread, and the result is the same.
         */
        void add(List<Item> batch, Options options) {
            List<Terms> analysed = batch.parallelStream().map(item -> terms(item, options)).toList();
            for (int i = 0; i < batch.size(); i++) {
                docs++;
                Terms t = analysed.get(i);
                for (String w : t.words().keySet()) termDf.computeIfAbsent(w, k -> new int[1])[0]++;
                for (long p : t.phrases().keySet()) phraseDf.add(p);
                for (String c : batch.get(i).categories()) catDf.computeIfAbsent(c, k -> new int[1])[0]++;
            }
        }
    }

    /** Width of the feature space: words, phrases, then categories, then the embedding. */
    public int dimensions() {
        return vectorOffset() + VECTOR_WIDTH;
    }

    /** Where a paper's embedding starts in its features. */
    public int vectorOffset() {
        return idf.length + categories.length;
    }

    public int termCount() {
        return terms.length;
    }

    public int phraseCount() {
        return phrases.size();
    }

    /** The word (a stem), "a phrase", the category or "embedding N" behind a feature index. */
    public String name(int feature) {
        if (feature < terms.length) return terms[feature];
        if (feature < idf.length) return "a phrase";
        if (feature < vectorOffset()) return categories[feature - idf.length];
        return "embedding " + (feature - vectorOffset());
    }

    /** Whether the feature is a word, which reasons can name (phrases are known by hash only). */
    public boolean isTerm(int feature) {
        return feature < terms.length;
    }

    /** Text tf-idf (norm 1) followed by categories (norm {@link #CATEGORY_WEIGHT}). */
    public SparseVector features(Item item) {
        return features(item, null);
    }

    /**
     * As {@link #features(Item)}, followed by the paper's embedding scaled to norm {@link #VECTOR_WEIGHT}
     * when it has one of {@link #VECTOR_WIDTH} (null or another width: text and categories only).
     */
    public SparseVector features(Item item, float[] vector) {
        SparseVector text = textFeatures(item);
        if (vector == null || vector.length != VECTOR_WIDTH || options.vectorWeight() <= 0) return text;
        double norm = 0;
        for (float v : vector) norm += (double) v * v;
        if (norm == 0) return text;
        int n = text.size();
        int[] idx = Arrays.copyOf(text.index(), n + VECTOR_WIDTH);
        float[] val = Arrays.copyOf(text.value(), n + VECTOR_WIDTH);
        float scale = (float) (options.vectorWeight() / Math.sqrt(norm));
        for (int i = 0; i < VECTOR_WIDTH; i++) {
            idx[n + i] = vectorOffset() + i;
            val[n + i] = vector[i] * scale;
        }
        return new SparseVector(idx, val);
    }

    private SparseVector textFeatures(Item item) {
        Terms t = terms(item, options);
        int n = t.words().size() + t.phrases().size() + item.categories().size();
        int[] idx = new int[n];
        float[] val = new float[n];
        int m = 0;
        double norm = 0;
        for (var e : t.words().entrySet()) {
            Integer id = termIds.get(e.getKey());
            if (id == null) continue;
            idx[m] = id;
            val[m] = weight(id, e.getValue());
            norm += (double) val[m] * val[m++];
        }
        for (var e : t.phrases().entrySet()) {
            int k = phrases.indexOf(e.getKey());
            if (k < 0) continue;
            idx[m] = terms.length + k;
            val[m] = (float) (options.phraseWeight() * weight(terms.length + k, e.getValue()));
            norm += (double) val[m] * val[m++];
        }
        scale(val, 0, m, norm);
        int textEnd = m;
        double catNorm = 0;
        for (String c : item.categories()) {
            Integer id = categoryIds.get(c);
            if (id == null) continue;
            idx[m] = idf.length + id;
            val[m] = categoryIdf[id];
            catNorm += (double) val[m] * val[m++];
        }
        if (options.categoryWeight() > 0) scale(val, textEnd, m, catNorm / (options.categoryWeight() * options.categoryWeight()));
        else m = textEnd;
        return SparseVector.of(idx, val, m);
    }

    /** Sublinear term frequency times idf. */
    private float weight(int feature, int count) {
        return (float) ((1 + Math.log(count)) * idf[feature]);
    }

    private static void scale(float[] val, int from, int to, double squaredNorm) {
        if (squaredNorm <= 0) return;
        float inv = (float) (1 / Math.sqrt(squaredNorm));
        for (int i = from; i < to; i++) val[i] *= inv;
    }

    /**
     * Stemmed, stop-word-free words and phrases of title (counted {@link #TITLE_REPEAT} times), abstract
     * and comment. The comment names venues, labs, projects and code ("Accepted at ICRA", "Code:
     * github.com/lab/tool"), which a reader's papers share: with it, recs-dev nDCG@10 0.3646 -> 0.3734
     * on 200 readers and 0.3368 -> 0.3536 on the other 404.
     */
    static Terms terms(Item item, Options options) {
        Terms t = new Terms(new HashMap<>(), new HashMap<>());
        for (int r = 0; r < options.titleRepeat(); r++) tokens(item.title(), t, options.ngrams());
        tokens(item.abstractText(), t, options.ngrams());
        tokens(item.comments(), t, options.ngrams());
        return t;
    }

    /** Stems, and each run of 2 to {@code ngrams} neighbouring stems as a phrase; a number or a one-letter token ends a run. */
    private static void tokens(String text, Terms out, int ngrams) {
        if (text.isEmpty()) return;
        List<String> run = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() < 2 || Character.isDigit(term.charAt(0))) {
                    phrases(run, out.phrases(), ngrams);
                    run.clear();
                    continue;
                }
                String w = term.toString();
                out.words().merge(w, 1, Integer::sum);
                run.add(w);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        phrases(run, out.phrases(), ngrams);
    }

    private static void phrases(List<String> run, Map<Long, Integer> out, int ngrams) {
        for (int i = 0; i < run.size(); i++) {
            long h = hash(FNV_OFFSET, run.get(i));
            for (int n = 2; n <= ngrams && i + n <= run.size(); n++) {
                h = hash(hash(h, " "), run.get(i + n - 1));
                out.merge(h == 0 ? 1 : h, 1, Integer::sum);
            }
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** 64-bit FNV-1a, continued from {@code h} over the characters of {@code s}. */
    private static long hash(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }
}
