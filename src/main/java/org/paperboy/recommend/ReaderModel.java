package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.List;

/**
 * A reader's trained profile: the linear model (null with too few signals), the centroid of the
 * positives, and the positives themselves for the nearest-like part of the score and for reasons.
 * Scoring is a pure function of these.
 */
public record ReaderModel(LinearLearner.LinearModel linear, SparseVector centroid, List<Positive> positives, Blend blend, Likeness likes) {

    /** The positives are indexed once: the nearest-like part of the score and the "like Title" reasons both search them. */
    public ReaderModel(LinearLearner.LinearModel linear, SparseVector centroid, List<Positive> positives, Blend blend) {
        this(linear, centroid, positives, blend, new Likeness(positives));
    }

    /**
     * How the parts add up: the linear score (a logit), the centroid's cosine, the nearest positive's
     * cosine. The nearest like keeps a reader's narrow interests that one hyperplane averages away;
     * its weight was chosen on 200 of the recs-dev readers with phrase features (5: 0.3555, 10: 0.3587).
     */
    public record Blend(double linear, double centroid, double nearest) {
        static final double NEAREST_WEIGHT = 10.0;
        public static final Blend DEFAULT = new Blend(1.0, 0.0, NEAREST_WEIGHT);
    }

    /** A paper the reader liked, with its features, to explain recommendations by likeness. */
    public record Positive(String id, String title, Signal.Kind kind, SparseVector features, LocalDate day) {}

    public boolean isEmpty() {
        return positives.isEmpty();
    }

    /** A paper's score and the positive nearest to it (null: none shares a feature), which its reason names. */
    public record Score(double value, Likeness.Match nearest) {}

    public double score(SparseVector x) {
        // too few signals for a model: the centroid alone ranks
        if (linear == null) return centroid.dot(x);
        return combine(x, linear.score(x), blend.nearest == 0 ? 0 : nearest(x));
    }

    /** As {@link #score(SparseVector)}, with the nearest positive found once for both the score and the reason. */
    public Score scoreAndNearest(SparseVector x) {
        Likeness.Match m = likes.best(x);
        return new Score(linear == null ? centroid.dot(x) : combine(x, linear.score(x), cosine(m)), m);
    }

    private double combine(SparseVector x, double linearScore, double nearestCosine) {
        double s = blend.linear * linearScore + blend.nearest * nearestCosine;
        return blend.centroid == 0 ? s : s + blend.centroid * centroid.dot(x);
    }

    private static double cosine(Likeness.Match m) {
        return m == null ? 0 : m.cosine();
    }

    /** About how much memory the model holds: weights, centroid, the positives' features and their index. */
    public long bytes() {
        long b = 8L * (centroid.size() + (linear == null ? 0 : linear.weights().size()));
        for (Positive p : positives) b += 8L * p.features().size() + 64;
        return b + likes.bytes();
    }

    /** The highest cosine between x and one positive. */
    public double nearest(SparseVector x) {
        return likes.highest(x);
    }

    /** What the first n features of x weigh in this model (the linear weight and the centroid's), for reasons. */
    float[] termWeights(SparseVector x, int n) {
        float[] w = centroid.valuesAt(x, n);
        if (linear == null) return w;
        float[] lw = linear.weights().valuesAt(x, n);
        for (int i = 0; i < n; i++) w[i] += lw[i];
        return w;
    }

    /** The model spread over arrays lent by {@code scratch}, to score a listing; close it to give them back. */
    Dense dense(DenseScratch scratch) {
        return new Dense(scratch);
    }

    /**
     * The linear weights and the likes' index laid out by feature, so that each of a paper's features
     * costs one lookup instead of two searches of sorted arrays (most of a day's ranking before).
     * Scores are those of {@link #scoreAndNearest}.
     */
    final class Dense implements AutoCloseable {
        private final DenseScratch scratch;

        /**
         * Laid out on the first paper scored: a listing whose papers were all scored before needs no
         * layout. Papers may be scored from several threads, so the first of them lays it out under a lock.
         */
        private volatile DenseScratch.Arrays arrays;

        private Dense(DenseScratch scratch) {
            this.scratch = scratch;
        }

        private DenseScratch.Arrays arrays() {
            DenseScratch.Arrays a = arrays;
            if (a != null) return a;
            synchronized (this) {
                if (arrays != null) return arrays;
                a = scratch.take(Math.max(likes.maxFeature(), linear == null ? -1 : linear.maxFeature()) + 1);
                if (linear != null) linear.spread(a.floats());
                likes.mark(a.ints());
                arrays = a;
                return a;
            }
        }

        Score score(SparseVector x) {
            Likeness.Match m = likes.best(x, arrays().ints());
            if (linear == null) return new Score(centroid.dot(x), m);
            return new Score(combine(x, x.dot(arrays().floats()) + linear.bias(), cosine(m)), m);
        }

        /** As {@link ReaderModel#termWeights}, the linear weights looked up in the dense array. */
        float[] termWeights(SparseVector x, int n) {
            float[] w = centroid.valuesAt(x, n);
            if (linear == null) return w;
            float[] dense = arrays().floats();
            for (int i = 0; i < n; i++) if (x.index()[i] < dense.length) w[i] += dense[x.index()[i]];
            return w;
        }

        @Override
        public void close() {
            DenseScratch.Arrays a = arrays;
            if (a == null) return;
            if (linear != null) linear.unspread(a.floats());
            likes.unmark(a.ints());
            scratch.give(a);
        }
    }
}
