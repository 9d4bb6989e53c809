package org.paperboy.recommend;

import java.util.List;

/**
 * A reader's trained profile: the linear model (null with too few signals), the centroid of the
 * positives, and the positives themselves for the nearest-like part of the score and for reasons.
 * Scoring is a pure function of these.
 */
public record ReaderModel(LinearLearner.LinearModel linear, SparseVector centroid, List<Positive> positives, Blend blend, Likeness likes) {

    /** The positives are indexed for the nearest-like part of the score only when the blend uses it. */
    public ReaderModel(LinearLearner.LinearModel linear, SparseVector centroid, List<Positive> positives, Blend blend) {
        this(linear, centroid, positives, blend, blend.nearest() == 0 ? null : new Likeness(positives));
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
    public record Positive(String id, String title, Signal.Kind kind, SparseVector features, java.time.LocalDate day) {}

    public boolean isEmpty() {
        return positives.isEmpty();
    }

    public double score(SparseVector x) {
        // too few signals for a model: the centroid alone ranks
        if (linear == null) return centroid.dot(x);
        double s = blend.centroid * centroid.dot(x);
        s += blend.linear * linear.score(x);
        if (blend.nearest != 0) s += blend.nearest * nearest(x);
        return s;
    }

    /** The highest cosine between x and one positive. */
    public double nearest(SparseVector x) {
        return (likes != null ? likes : new Likeness(positives)).highest(x);
    }
}
