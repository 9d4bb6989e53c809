package org.paperboy.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ways to merge a keyword and a vector ranking. Hybrid search uses {@link #zScoreSum}: each list's
 * scores are standardised (mean 0, deviation 1) so that BM25 and cosine scales, which change from
 * query to query, become comparable, then summed; it has no parameter to tune and did best of the
 * few fusions tried on SciFact (reciprocal rank fusion with k=60 and k=10, min-max weighted sums;
 * table in the README). {@link #rrf} serves similar papers, where the lists' scores mean less.
 */
public final class Fusion {

    /** The constant of Cormack et al. (2009); it flattens the head of each list. */
    public static final int RRF_K = 60;

    public record Scored<T>(T item, double score) {}

    private Fusion() {}

    /**
     * Sums the z-scores of two scored lists (best first). An item missing from one list gets that
     * list's lowest z-score: it ranked below everything the list kept.
     */
    public static <T> List<Scored<T>> zScoreSum(List<Scored<T>> a, List<Scored<T>> b) {
        Map<T, Double> za = zScores(a);
        Map<T, Double> zb = zScores(b);
        double floorA = za.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double floorB = zb.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        Map<T, Double> sum = new LinkedHashMap<>();
        for (Scored<T> s : a) sum.put(s.item(), za.get(s.item()) + zb.getOrDefault(s.item(), floorB));
        for (Scored<T> s : b) sum.putIfAbsent(s.item(), floorA + zb.get(s.item()));
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
