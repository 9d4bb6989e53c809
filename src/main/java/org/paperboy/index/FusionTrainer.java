package org.paperboy.index;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Learns a {@link LearnedFusion} from judged training queries: a pairwise linear ranker (RankSVM
 * as logistic regression on feature differences, liblinear) over hybrid's candidates. Each choice
 * (queries embedded with or without the model's instruction, feature set, regularisation, how many
 * non-relevant candidates each relevant one is paired with) is made by k-fold cross-validation
 * over the training queries (folds grouped by shared relevant papers), by nDCG@10, and the
 * one-standard-error rule ({@link #choose}); the chosen configuration is then trained on all of them.
 * Test judgments play no part.
 */
public final class FusionTrainer {

    /** One training query: its candidates, their paper ids, and its judgments. */
    public record Sample(String queryId, List<Candidate> cands, List<String> ids, int queryTerms, Map<String, Integer> rel) {}

    /**
     * @param negatives        non-relevant candidates paired with each relevant one: the best ones by the hand-built fusion
     * @param queryInstruction whether the candidates come from queries embedded with the model's instruction
     */
    public record Config(String name, List<String> features, double c, int negatives, boolean queryInstruction) {
        public Config(String name, List<String> features, double c, int negatives) {
            this(name, features, c, negatives, true);
        }

        /** A short name for the model's version: feature set, C, negatives, and "-bare" for queries without the instruction. */
        public String label() {
            return name + "-C" + c + "-n" + negatives + (queryInstruction ? "" : "-bare");
        }
    }

    /** @param perQuery each training query's held-out nDCG@10, in the samples' order */
    public record Result(Config config, double cvNdcg, double[] perQuery) {}

    public static final int FOLDS = 5;
    /** The similarity floor lets through all but this share of the relevant training candidates. */
    public static final double FLOOR_QUANTILE = 0.01;
    static final double[] COSTS = {0.001, 0.01, 0.1};
    static final int[] NEGATIVES = {20, 200};
    static final boolean[] INSTRUCTION = {true, false};

    /** Feature sets tried, from the hand-built fusion's two signals upwards. */
    static final Map<String, List<String>> FEATURE_SETS = featureSets();

    private FusionTrainer() {}

    private static Map<String, List<String>> featureSets() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> z = List.of(FusionFeatures.Z_KEYWORD, FusionFeatures.Z_MEANING);
        List<String> ranks = List.of(FusionFeatures.KEYWORD_RANK, FusionFeatures.MEANING_RANK);
        // query-level signals enter only as interactions with the two z-scores: they reweight the signals per query
        List<String> query = List.of(FusionFeatures.Z_KEYWORD_LONG, FusionFeatures.Z_MEANING_LONG, FusionFeatures.Z_KEYWORD_GAP,
                FusionFeatures.Z_MEANING_GAP, FusionFeatures.Z_KEYWORD_TOP_MEANING, FusionFeatures.Z_MEANING_TOP_MEANING);
        List<String> raw = List.of(FusionFeatures.MEANING, FusionFeatures.KEYWORD_OF_BEST, FusionFeatures.MEANING_GAP);
        m.put("z", z);
        m.put("z+ranks", concat(z, ranks));
        m.put("z+overlap", concat(z, List.of(FusionFeatures.TERM_OVERLAP, FusionFeatures.TITLE_OVERLAP)));
        m.put("z+query", concat(z, query));
        m.put("z+ranks+query", concat(concat(z, ranks), query));
        m.put("z+raw+ranks", concat(concat(z, raw), ranks));
        m.put("all", FusionFeatures.ALL);
        return m;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Every configuration of the grid. */
    public static List<Config> grid() {
        List<Config> out = new ArrayList<>();
        for (boolean instruction : INSTRUCTION) {
            FEATURE_SETS.forEach((name, features) -> {
                for (double c : COSTS) for (int n : NEGATIVES) out.add(new Config(name, features, c, n, instruction));
            });
        }
        return out;
    }

    /**
     * Cross-validates every configuration on the samples of its query embedding (with the
     * instruction: key true); the best first. A configuration whose samples are missing is skipped.
     */
    public static List<Result> crossValidate(Map<Boolean, List<Sample>> samples, List<Config> grid, Consumer<Result> progress) {
        List<Result> out = new ArrayList<>();
        for (Config c : grid) {
            List<Sample> s = samples.get(c.queryInstruction());
            if (s == null) continue;
            double[] perQuery = cvPerQuery(s, c);
            Result r = new Result(c, Arrays.stream(perQuery).average().orElse(0), perQuery);
            progress.accept(r);
            out.add(r);
        }
        out.sort(Comparator.comparingDouble(Result::cvNdcg).reversed());
        return out;
    }

    /** Mean nDCG@10 over held-out queries, each fold's model trained on the other folds ({@link #folds}). */
    public static double cvNdcg(List<Sample> samples, Config c) {
        return Arrays.stream(cvPerQuery(samples, c)).average().orElse(0);
    }

    /** Each query's nDCG@10 when held out, by the model of the other folds. */
    static double[] cvPerQuery(List<Sample> samples, Config c) {
        int[] foldOf = folds(samples);
        double[] out = new double[samples.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Sample> train = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) if (foldOf[i] != fold) train.add(samples.get(i));
            LearnedFusion f = train(train, c, "cv", "", Double.NEGATIVE_INFINITY, "");
            for (int i = 0; i < samples.size(); i++) if (foldOf[i] == fold) out[i] = ndcg(f, List.of(samples.get(i)));
        }
        return out;
    }

    /**
     * The configuration to ship, by the one-standard-error rule: the fewest features among the
     * configurations whose cross-validated nDCG@10 is within one standard error of the best one's
     * (the error of their per-query differences to it), and the best of those. Differences smaller
     * than that are noise; a model with more features then only fits the training collection
     * better: SciFact's best, all 16 features, gave up 0.016 on arXiv title queries where the
     * four-feature one gave up 0.007 ({@code bench/search.sh arxiv-titles}).
     */
    public static Result choose(List<Result> results) {
        Result best = results.stream().max(Comparator.comparingDouble(Result::cvNdcg)).orElseThrow();
        Result chosen = best;
        for (Result r : results) {
            if (best.cvNdcg() - r.cvNdcg() > standardError(best.perQuery(), r.perQuery())) continue;
            int size = r.config().features().size(), chosenSize = chosen.config().features().size();
            if (size < chosenSize || (size == chosenSize && r.cvNdcg() > chosen.cvNdcg())) chosen = r;
        }
        return chosen;
    }

    /** Standard error of the mean of the paired differences a − b; −∞ (nothing is within it) when they do not pair up. */
    static double standardError(double[] a, double[] b) {
        int n = a.length;
        if (n != b.length) return Double.NEGATIVE_INFINITY;
        if (n < 2) return 0;
        double mean = 0;
        for (int i = 0; i < n; i++) mean += a[i] - b[i];
        mean /= n;
        double squares = 0;
        for (int i = 0; i < n; i++) squares += (a[i] - b[i] - mean) * (a[i] - b[i] - mean);
        return Math.sqrt(squares / (n - 1) / n);
    }

    /**
     * Each sample's fold. Queries that share a relevant paper stay in one fold, the groups dealt
     * round-robin in the order they first appear: otherwise a held-out query's answer is a training
     * query's answer too, and cross-validation rewards whatever remembers papers (a learned query
     * adapter gained up to 0.07 on SciFact's training claims that way, and nothing with the folds grouped).
     */
    static int[] folds(List<Sample> samples) {
        int[] root = new int[samples.size()];
        Map<String, Integer> firstWith = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            root[i] = i;
            for (var judged : samples.get(i).rel().entrySet()) {
                if (judged.getValue() <= 0) continue;
                Integer other = firstWith.putIfAbsent(judged.getKey(), i);
                if (other != null) root[find(root, i)] = find(root, other);
            }
        }
        Map<Integer, Integer> groupOrder = new HashMap<>();
        int[] fold = new int[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            int group = groupOrder.computeIfAbsent(find(root, i), g -> groupOrder.size());
            fold[i] = group % FOLDS;
        }
        return fold;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) i = root[i] = root[root[i]];
        return i;
    }

    /** Mean nDCG@10 of a fusion over samples. */
    public static double ndcg(LearnedFusion f, List<Sample> samples) {
        double sum = 0;
        for (Sample s : samples) {
            Map<Integer, String> idOf = new HashMap<>();
            for (int i = 0; i < s.cands().size(); i++) idOf.put(s.cands().get(i).doc(), s.ids().get(i));
            List<Fusion.Scored<String>> ranked = new ArrayList<>();
            for (var x : f.rank(s.cands(), s.queryTerms())) ranked.add(new Fusion.Scored<>(idOf.get(x.item().doc()), x.score()));
            sum += BeirEval.ndcg(ranked, s.rel(), 10);
        }
        return samples.isEmpty() ? 0 : sum / samples.size();
    }

    /** Trains one configuration on the samples. */
    public static LearnedFusion train(List<Sample> samples, Config c, String version, String model, double floor, String trainedOn) {
        int[] columns = c.features().stream().mapToInt(FusionFeatures.ALL::indexOf).toArray();
        List<Feature[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Sample s : samples) pairs(s, columns, c.negatives(), x, y);
        if (x.isEmpty()) throw new IllegalArgumentException("no training pairs: no relevant paper among the candidates of any training query");
        Problem p = new Problem();
        p.l = x.size();
        p.n = columns.length;
        p.x = x.toArray(new Feature[0][]);
        p.y = y.stream().mapToDouble(Double::doubleValue).toArray();
        p.bias = -1;
        Linear.disableDebugOutput();
        Linear.resetRandom();
        Model m = Linear.train(p, new Parameter(SolverType.L2R_LR, c.c(), 0.001));
        double[] w = m.getFeatureWeights().clone();
        // liblinear's weights score its first label; make them score "relevant above"
        if (m.getLabels()[0] != 1) for (int i = 0; i < w.length; i++) w[i] = -w[i];
        return new LearnedFusion(version, model, c.features(), w, floor, trainedOn, c.queryInstruction());
    }

    /** Each relevant candidate against the best non-relevant ones by the hand-built fusion, both ways round. */
    private static void pairs(Sample s, int[] columns, int negatives, List<Feature[]> x, List<Double> y) {
        double[][] rows = FusionFeatures.compute(s.cands(), s.queryTerms());
        double[] hand = LearnedFusion.HAND_BUILT.scores(s.cands(), s.queryTerms());
        List<Integer> rel = new ArrayList<>(), non = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) (s.rel().getOrDefault(s.ids().get(i), 0) > 0 ? rel : non).add(i);
        non.sort(Comparator.comparingDouble((Integer i) -> hand[i]).reversed());
        for (int r : rel) {
            for (int n : non.subList(0, Math.min(negatives, non.size()))) {
                x.add(difference(rows[r], rows[n], columns, 1));
                y.add(1.0);
                x.add(difference(rows[r], rows[n], columns, -1));
                y.add(-1.0);
            }
        }
    }

    private static Feature[] difference(double[] a, double[] b, int[] columns, int sign) {
        Feature[] f = new Feature[columns.length];
        for (int j = 0; j < columns.length; j++) f[j] = new FeatureNode(j + 1, sign * (a[columns[j]] - b[columns[j]]));
        return f;
    }

    /**
     * The similarity floor: the cosine that all but {@link #FLOOR_QUANTILE} of the relevant
     * training candidates reach, rounded down to 0.01. Derived from the judgments, not tuned on a metric.
     */
    public static double floor(List<Sample> samples) {
        List<Double> cos = new ArrayList<>();
        for (Sample s : samples) {
            for (int i = 0; i < s.cands().size(); i++) {
                Candidate c = s.cands().get(i);
                if (c.hasVector() && s.rel().getOrDefault(s.ids().get(i), 0) > 0) cos.add(c.meaning());
            }
        }
        if (cos.isEmpty()) return Double.NEGATIVE_INFINITY;
        cos.sort(null);
        double q = cos.get((int) Math.floor(FLOOR_QUANTILE * (cos.size() - 1)));
        return Math.floor(q * 100) / 100;
    }
}
