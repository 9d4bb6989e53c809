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
    private record Posting(int positive, float value) {}

    private final List<ReaderModel.Positive> positives;
    private final Map<Integer, List<Posting>> postings = new HashMap<>();

    Likeness(List<ReaderModel.Positive> positives) {
        this.positives = positives;
        for (int p = 0; p < positives.size(); p++) {
            SparseVector f = positives.get(p).features();
            for (int i = 0; i < f.size(); i++) postings.computeIfAbsent(f.index()[i], k -> new ArrayList<>()).add(new Posting(p, f.value()[i]));
        }
    }

    /** The positive with the highest cosine above {@code min}, or null; ties go to the earlier positive. */
    ReaderModel.Positive nearest(SparseVector x, double min) {
        if (positives.isEmpty()) return null;
        double[] sims = new double[positives.size()];
        for (int i = 0; i < x.size(); i++) {
            List<Posting> list = postings.get(x.index()[i]);
            if (list == null) continue;
            float v = x.value()[i];
            for (Posting p : list) sims[p.positive()] += v * p.value();
        }
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
}
