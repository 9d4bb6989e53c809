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
 * The catalog's terms (stemmed words of title and abstract) and categories with their document
 * frequencies, and the one place that turns a paper into features: sublinear tf-idf of its text,
 * L2-normalised, followed by its categories. Terms seen in fewer than {@link #MIN_DF} papers are
 * dropped: they cannot generalise from one paper to another.
 */
public final class Vocabulary {
    static final int MIN_DF = 2;
    /** How much the categories weigh next to the text (whose part has norm 1). */
    static final double CATEGORY_WEIGHT = 0.5;
    /** The title counts as often as this many abstract mentions. */
    static final int TITLE_REPEAT = 2;
    /** Width of the stored paper embeddings (bge-small, MiniLM) that follow the categories when a paper has one. */
    public static final int VECTOR_WIDTH = 384;
    /** How much a paper's embedding (norm 1) weighs next to its text. */
    static final double VECTOR_WEIGHT = 1.0;

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    /** How papers become features; {@link #DEFAULT} is what Paperboy ranks with (chosen on the recs-dev benchmark). */
    public record Options(double categoryWeight, int titleRepeat, boolean bigrams, double vectorWeight) {
        public static final Options DEFAULT = new Options(CATEGORY_WEIGHT, TITLE_REPEAT, false, VECTOR_WEIGHT);

        public Options(double categoryWeight, int titleRepeat, boolean bigrams) {
            this(categoryWeight, titleRepeat, bigrams, VECTOR_WEIGHT);
        }
    }

    private final Options options;

    private final Map<String, Integer> termIds;
    private final String[] terms;
    private final float[] idf;
    private final Map<String, Integer> categoryIds;
    private final String[] categories;
    private final float[] categoryIdf;

    private Vocabulary(Map<String, int[]> termDf, Map<String, int[]> catDf, int docs, Options options) {
        this.options = options;
        termIds = new HashMap<>();
        List<String> kept = new ArrayList<>();
        termDf.forEach((t, df) -> {
            if (df[0] >= MIN_DF) kept.add(t);
        });
        kept.sort(null);
        terms = kept.toArray(String[]::new);
        idf = new float[terms.length];
        for (int i = 0; i < terms.length; i++) {
            termIds.put(terms[i], i);
            idf[i] = idf(docs, termDf.get(terms[i])[0]);
        }
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

    public static Vocabulary build(Iterable<Item> items, Options options) {
        Map<String, int[]> termDf = new HashMap<>();
        Map<String, int[]> catDf = new HashMap<>();
        int docs = 0;
        for (Item item : items) {
            docs++;
            for (String t : termCounts(item, options).keySet()) termDf.computeIfAbsent(t, k -> new int[1])[0]++;
            for (String c : item.categories()) catDf.computeIfAbsent(c, k -> new int[1])[0]++;
        }
        return new Vocabulary(termDf, catDf, docs, options);
    }

    /** Width of the feature space: terms, then categories, then the embedding. */
    public int dimensions() {
        return vectorOffset() + VECTOR_WIDTH;
    }

    /** Where a paper's embedding starts in its features. */
    public int vectorOffset() {
        return terms.length + categories.length;
    }

    public int termCount() {
        return terms.length;
    }

    /** The term (a stem), the category or "embedding N" behind a feature index. */
    public String name(int feature) {
        if (feature < terms.length) return terms[feature];
        if (feature < vectorOffset()) return categories[feature - terms.length];
        return "embedding " + (feature - vectorOffset());
    }

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
        Map<String, Integer> counts = termCounts(item, options);
        int n = counts.size() + item.categories().size();
        int[] idx = new int[n];
        float[] val = new float[n];
        int m = 0;
        double norm = 0;
        for (var e : counts.entrySet()) {
            Integer id = termIds.get(e.getKey());
            if (id == null) continue;
            float w = (float) ((1 + Math.log(e.getValue())) * idf[id]);
            idx[m] = id;
            val[m++] = w;
            norm += (double) w * w;
        }
        scale(val, 0, m, norm);
        int textEnd = m;
        double catNorm = 0;
        for (String c : item.categories()) {
            Integer id = categoryIds.get(c);
            if (id == null) continue;
            idx[m] = terms.length + id;
            val[m] = categoryIdf[id];
            catNorm += (double) val[m] * val[m++];
        }
        if (options.categoryWeight() > 0) scale(val, textEnd, m, catNorm / (options.categoryWeight() * options.categoryWeight()));
        else m = textEnd;
        return SparseVector.of(idx, val, m);
    }

    private static void scale(float[] val, int from, int to, double squaredNorm) {
        if (squaredNorm <= 0) return;
        float inv = (float) (1 / Math.sqrt(squaredNorm));
        for (int i = from; i < to; i++) val[i] *= inv;
    }

    /** Stemmed, stop-word-free terms of title (counted {@link #TITLE_REPEAT} times) and abstract. */
    static Map<String, Integer> termCounts(Item item, Options options) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < options.titleRepeat(); r++) tokens(item.title(), counts, options.bigrams());
        tokens(item.abstractText(), counts, options.bigrams());
        return counts;
    }

    /** Stems, and with {@code bigrams} each pair of neighbouring stems as "a b" (phrases name methods and tasks). */
    private static void tokens(String text, Map<String, Integer> counts, boolean bigrams) {
        if (text.isEmpty()) return;
        try (TokenStream ts = ANALYZER.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String previous = null;
            while (ts.incrementToken()) {
                if (term.length() < 2 || Character.isDigit(term.charAt(0))) {
                    previous = null;
                    continue;
                }
                String t = term.toString();
                counts.merge(t, 1, Integer::sum);
                if (bigrams && previous != null) counts.merge(previous + " " + t, 1, Integer::sum);
                previous = t;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
