package org.paperboy.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion, for similar papers. Hybrid search fuses by a {@link LearnedFusion}
 * instead (weighted features of every candidate, standardised over the candidates).
 */
public final class Fusion {

    /** The constant of Cormack et al. (2009); it flattens the head of each list. */
    public static final int RRF_K = 60;

    public record Scored<T>(T item, double score) {}

    private Fusion() {}

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
