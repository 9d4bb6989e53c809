package org.paperboy.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ways to merge a keyword and a vector ranking. Hybrid search uses {@link #zScoreSum}: every
 * candidate of either list gets both scores (BM25 and cosine, computed exactly when the other list
 * did not bring it), each signal is standardised over the candidates (mean 0, deviation 1) so that
 * scales which change from query to query become comparable, and the two are summed. It has no
 * parameter to tune and did best of the few fusions tried on SciFact (reciprocal rank fusion with
 * k=60 and k=10, weighted min-max sums; table in the README). {@link #rrf} serves similar papers.
 */
public final class Fusion {

    /** The constant of Cormack et al. (2009); it flattens the head of each list. */
    public static final int RRF_K = 60;

    public record Scored<T>(T item, double score) {}

    private Fusion() {}

    /**
     * Sums each candidate's standardised signals. {@code signals} holds, per candidate, one raw
     * score per signal (e.g. BM25 and cosine); each signal is turned into z-scores over all the
     * candidates, and a missing value (NaN) gets that signal's lowest z-score.
     */
    public static <T> List<Scored<T>> zScoreSum(Map<T, double[]> signals) {
        if (signals.isEmpty()) return List.of();
        int n = signals.values().iterator().next().length;
        Map<T, Double> sum = new LinkedHashMap<>();
        signals.keySet().forEach(k -> sum.put(k, 0.0));
        for (int i = 0; i < n; i++) {
            int signal = i;
            List<Scored<T>> present = new ArrayList<>();
            signals.forEach((k, v) -> {
                if (!Double.isNaN(v[signal])) present.add(new Scored<>(k, v[signal]));
            });
            Map<T, Double> z = zScores(present);
            double floor = z.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            sum.replaceAll((k, total) -> total + z.getOrDefault(k, floor));
        }
        return sorted(sum);
    }

    static <T> Map<T, Double> zScores(List<Scored<T>> list) {
        double mean = list.stream().mapToDouble(Scored::score).average().orElse(0);
        double var = list.stream().mapToDouble(s -> (s.score() - mean) * (s.score() - mean)).average().orElse(0);
        double sd = var > 0 ? Math.sqrt(var) : 1;
        Map<T, Double> z = new LinkedHashMap<>();
        for (Scored<T> s : list) z.putIfAbsent(s.item(), (s.score() - mean) / sd);
        return z;
    }

    private static <T> List<Scored<T>> sorted(Map<T, Double> scores) {
        List<Scored<T>> out = new ArrayList<>();
        scores.forEach((item, score) -> out.add(new Scored<>(item, score)));
        out.sort(Comparator.comparingDouble((Scored<T> s) -> s.score()).reversed());
        return out;
    }

    /** Reciprocal rank fusion of ranked lists (best first); ties keep the order of first appearance. */
    @SafeVarargs
    public static <T> List<Scored<T>> rrf(List<T>... rankings) {
        Map<T, Double> scores = new LinkedHashMap<>();
        for (List<T> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) scores.merge(ranking.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
        }
        return sorted(scores);
    }
}
