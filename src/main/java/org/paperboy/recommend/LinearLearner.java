package org.paperboy.recommend;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trains a reader's linear model with liblinear (L2-regularised logistic regression), positives
 * against negatives, each class weighted by the other's size so that ten saves are not drowned by
 * three thousand papers passed over.
 */
public final class LinearLearner {
    static final double DEFAULT_C = 10.0;
    static final double EPSILON = 0.01;
    /** A weight below this fraction of the largest is left out of the model. */
    static final double KEPT_WEIGHT = 0.02;

    static {
        Linear.disableDebugOutput();
    }

    private final SolverType solver;
    private final double c;

    public LinearLearner() {
        this(SolverType.L2R_LR, DEFAULT_C);
    }

    public LinearLearner(SolverType solver, double c) {
        this.solver = solver;
        this.c = c;
    }

    /** A linear model, or null when one class is empty (nothing to tell apart). */
    public LinearModel train(List<SparseVector> positives, List<SparseVector> negatives) {
        if (positives.isEmpty() || negatives.isEmpty()) return null;
        // liblinear works on the features of these rows alone: the catalog's feature space (millions of
        // phrases) would cost arrays of its size at every step
        int[] used = SparseVector.distinctIndices(Stream.concat(positives.stream(), negatives.stream()).toList());
        Problem problem = new Problem();
        problem.l = positives.size() + negatives.size();
        problem.n = used.length + 1;
        problem.bias = 1;
        problem.x = new Feature[problem.l][];
        problem.y = new double[problem.l];
        int row = 0;
        for (SparseVector p : positives) {
            problem.x[row] = nodes(p, used);
            problem.y[row++] = 1;
        }
        for (SparseVector n : negatives) {
            problem.x[row] = nodes(n, used);
            problem.y[row++] = -1;
        }
        Parameter parameter = new Parameter(solver, c, EPSILON);
        double total = problem.l;
        parameter.setWeights(new double[] {total / (2.0 * positives.size()), total / (2.0 * negatives.size())}, new int[] {1, -1});
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        // liblinear orients the weights towards its first label, the class of the first row: +1
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        // kept sparse: only features seen in training have weights, and a reader's model stays small in memory
        // weights too small to move a ranking are dropped: a reader's rows hold tens of thousands of phrases
        double largest = 0;
        for (int k = 0; k < used.length; k++) largest = Math.max(largest, Math.abs(w[k]));
        double keep = largest * KEPT_WEIGHT;
        int nonZero = 0;
        for (int k = 0; k < used.length; k++) if (w[k] != 0 && Math.abs(w[k]) >= keep) nonZero++;
        int[] idx = new int[nonZero];
        float[] val = new float[nonZero];
        for (int k = 0, m = 0; k < used.length; k++) {
            if (w[k] == 0 || Math.abs(w[k]) < keep) continue;
            idx[m] = used[k];
            val[m++] = (float) (sign * w[k]);
        }
        return new LinearModel(new SparseVector(idx, val), sign * w[used.length]);
    }

    /** liblinear's row (1-based positions among {@code used}), the bias last. */
    private static Feature[] nodes(SparseVector v, int[] used) {
        Feature[] f = new Feature[v.size() + 1];
        int from = 0;
        for (int i = 0; i < v.size(); i++) {
            from = Arrays.binarySearch(used, from, used.length, v.index()[i]);
            f[i] = new FeatureNode(from + 1, v.value()[i]);
        }
        f[v.size()] = new FeatureNode(used.length + 1, 1);
        return f;
    }

    /** Weights over the feature space and a bias: score = w·x + b. */
    public record LinearModel(SparseVector weights, double bias) {
        public double score(SparseVector x) {
            return x.dot(weights) + bias;
        }

        public double weight(int feature) {
            return weights.get(feature);
        }

        /** The largest feature with a weight, -1 without any. */
        int maxFeature() {
            return weights.size() == 0 ? -1 : weights.index()[weights.size() - 1];
        }

        /** Writes each weight at its feature's position in {@code dense}; {@link #unspread} zeroes them again. */
        void spread(float[] dense) {
            for (int i = 0; i < weights.size(); i++) dense[weights.index()[i]] = weights.value()[i];
        }

        void unspread(float[] dense) {
            for (int f : weights.index()) dense[f] = 0;
        }
    }
}
