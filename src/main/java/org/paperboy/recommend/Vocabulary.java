package org.paperboy.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    /** How papers become features; {@link #DEFAULT} is what Paperboy ranks with (chosen on the recs-dev benchmark). */
    public record Options(double categoryWeight, int titleRepeat, boolean bigrams) {
        public static final Options DEFAULT = new Options(CATEGORY_WEIGHT, TITLE_REPEAT, false);
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

    /** Width of the feature space: terms, then categories. */
    public int dimensions() {
        return terms.length + categories.length;
    }

    public int termCount() {
        return terms.length;
    }

    /** The term (a stem) or "category NAME" behind a feature index. */
    public String name(int feature) {
        return feature < terms.length ? terms[feature] : categories[feature - terms.length];
    }

    public boolean isTerm(int feature) {
        return feature < terms.length;
    }

    /** Text tf-idf (norm 1) followed by categories (norm {@link #CATEGORY_WEIGHT}). */
    public SparseVector features(Item item) {
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
