package org.paperboy.recommend;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a reader's linear model with liblinear (L2-regularised logistic regression), positives
 * against negatives, each class weighted by the other's size so that ten saves are not drowned by
 * three thousand papers passed over.
 */
public final class LinearLearner {
    static final double DEFAULT_C = 10.0;
    static final double EPSILON = 0.01;

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
    public LinearModel train(List<SparseVector> positives, List<SparseVector> negatives, int dimensions) {
        if (positives.isEmpty() || negatives.isEmpty()) return null;
        Problem problem = new Problem();
        problem.l = positives.size() + negatives.size();
        problem.n = dimensions + 1;
        problem.bias = 1;
        problem.x = new Feature[problem.l][];
        problem.y = new double[problem.l];
        int row = 0;
        for (SparseVector p : positives) {
            problem.x[row] = nodes(p, dimensions);
            problem.y[row++] = 1;
        }
        for (SparseVector n : negatives) {
            problem.x[row] = nodes(n, dimensions);
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
        int nonZero = 0;
        for (int i = 0; i < dimensions; i++) if (w[i] != 0) nonZero++;
        int[] idx = new int[nonZero];
        float[] val = new float[nonZero];
        for (int i = 0, m = 0; i < dimensions; i++) {
            if (w[i] == 0) continue;
            idx[m] = i;
            val[m++] = (float) (sign * w[i]);
        }
        return new LinearModel(new SparseVector(idx, val), sign * w[dimensions]);
    }

    /**
     * liblinear's rows, the bias last. A feature outside {@code dimensions} (a vector counted by a newer
     * vocabulary than the one that gave the dimensions, while the catalog grew) is left out: liblinear
     * refuses a row whose indices are not ascending, and that failed the reader's whole page.
     */
    private static Feature[] nodes(SparseVector v, int dimensions) {
        List<Feature> f = new ArrayList<>(v.size() + 1);
        for (int i = 0; i < v.size(); i++) if (v.index()[i] < dimensions) f.add(new FeatureNode(v.index()[i] + 1, v.value()[i]));
        f.add(new FeatureNode(dimensions + 1, 1));
        return f.toArray(new Feature[0]);
    }

    /** Weights over the feature space and a bias: score = w·x + b. */
    public record LinearModel(SparseVector weights, double bias) {
        public double score(SparseVector x) {
            return x.dot(weights) + bias;
        }

        public double weight(int feature) {
            return weights.get(feature);
        }
    }
}
