package org.paperboy.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The liked paper nearest to each candidate, through an inverted index of the positives' features:
 * a candidate costs the postings of its own features instead of one dot product per positive,
 * which keeps reasons for a 600-paper day cheap for a reader with hundreds of likes.
 */
final class Likeness {
    /** One feature's postings: which positives have it, and with what value (parallel arrays, no boxing). */
    private record Postings(int[] positives, float[] values) {}

    private final List<ReaderModel.Positive> positives;
    private final Map<Integer, Postings> postings = new HashMap<>();

    Likeness(List<ReaderModel.Positive> positives) {
        this.positives = positives;
        Map<Integer, List<int[]>> lists = new HashMap<>();
        for (int p = 0; p < positives.size(); p++) {
            SparseVector f = positives.get(p).features();
            for (int i = 0; i < f.size(); i++) lists.computeIfAbsent(f.index()[i], k -> new ArrayList<>()).add(new int[] {p, Float.floatToIntBits(f.value()[i])});
        }
        lists.forEach((feature, list) -> {
            int[] who = new int[list.size()];
            float[] value = new float[list.size()];
            for (int j = 0; j < who.length; j++) {
                who[j] = list.get(j)[0];
                value[j] = Float.intBitsToFloat(list.get(j)[1]);
            }
            postings.put(feature, new Postings(who, value));
        });
    }

    /** The positive with the highest cosine above {@code min}, or null; ties go to the earlier positive. */
    ReaderModel.Positive nearest(SparseVector x, double min) {
        if (positives.isEmpty()) return null;
        double[] sims = similarities(x);
        int best = -1;
        double bestSim = min;
        for (int p = 0; p < sims.length; p++) {
            if (sims[p] > bestSim) {
                bestSim = sims[p];
                best = p;
            }
        }
        return best < 0 ? null : positives.get(best);
    }

    /** The highest cosine between x and one positive; 0 without positives. */
    double highest(SparseVector x) {
        double best = 0;
        for (double s : similarities(x)) best = Math.max(best, s);
        return best;
    }

    /** The cosine of x with each positive, in the positives' order. */
    private double[] similarities(SparseVector x) {
        double[] sims = new double[positives.size()];
        for (int i = 0; i < x.size(); i++) {
            Postings list = postings.get(x.index()[i]);
            if (list == null) continue;
            float v = x.value()[i];
            int[] who = list.positives();
            float[] value = list.values();
            for (int j = 0; j < who.length; j++) sims[who[j]] += v * value[j];
        }
        return sims;
    }
}
