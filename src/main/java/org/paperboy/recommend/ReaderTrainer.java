package org.paperboy.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link ReaderModel} from a reader's positives and negatives: a liblinear model once
 * there are {@link #MIN_POSITIVES} positives, always the centroid. Negatives beyond
 * {@link #MAX_NEGATIVES} are thinned by a fixed hash of their paper id, so retraining on the same
 * signals gives the same model and a reader with years of activity still trains in well under a second.
 */
public final class ReaderTrainer {
    static final int MIN_POSITIVES = 3;
    /** 4,000 scored 0.3587 on 200 recs-dev readers, 2,000 0.3570, 1,000 0.3544; the first request after a save (retrain and ranking, 500 saves) took 1.4 s at 4,000. */
    static final int MAX_NEGATIVES = 2000;

    private final LinearLearner learner;
    private final ReaderModel.Blend blend;
    private final int maxNegatives;

    public ReaderTrainer(LinearLearner learner, ReaderModel.Blend blend) {
        this(learner, blend, MAX_NEGATIVES);
    }

    public ReaderTrainer(LinearLearner learner, ReaderModel.Blend blend, int maxNegatives) {
        this.learner = learner;
        this.blend = blend;
        this.maxNegatives = maxNegatives;
    }

    public record Negative(String id, SparseVector features) {}

    public ReaderModel train(List<ReaderModel.Positive> positives, List<Negative> negatives) {
        SparseVector centroid = centroid(positives);
        if (positives.size() < MIN_POSITIVES || negatives.isEmpty()) return new ReaderModel(null, centroid, positives, blend);
        List<SparseVector> pos = positives.stream().map(ReaderModel.Positive::features).toList();
        List<SparseVector> neg = thin(negatives, maxNegatives).stream().map(Negative::features).toList();
        return new ReaderModel(learner.train(pos, neg), centroid, positives, blend);
    }

    static List<Negative> thin(List<Negative> negatives, int max) {
        if (negatives.size() <= max) return negatives;
        List<Negative> sorted = new ArrayList<>(negatives);
        sorted.sort(Comparator.comparingInt((Negative n) -> mix(n.id().hashCode())).thenComparing(Negative::id));
        return sorted.subList(0, max);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        return h;
    }

    /** Mean of the positives' features, scaled to norm 1; empty without positives. */
    static SparseVector centroid(List<ReaderModel.Positive> positives) {
        if (positives.isEmpty()) return SparseVector.EMPTY;
        int total = positives.stream().mapToInt(p -> p.features().size()).sum();
        int[] idx = new int[total];
        float[] val = new float[total];
        int m = 0;
        for (ReaderModel.Positive p : positives) {
            SparseVector f = p.features();
            System.arraycopy(f.index(), 0, idx, m, f.size());
            System.arraycopy(f.value(), 0, val, m, f.size());
            m += f.size();
        }
        SparseVector sum = SparseVector.of(idx, val, m);
        double norm = sum.norm();
        if (norm == 0) return SparseVector.EMPTY;
        float[] scaled = sum.value().clone();
        for (int i = 0; i < scaled.length; i++) scaled[i] /= (float) norm;
        return new SparseVector(sum.index(), scaled);
    }
}
