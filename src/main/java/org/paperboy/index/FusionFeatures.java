package org.paperboy.index;

import java.util.List;

/**
 * The features a fusion model scores, computed per query over its candidates: pure, so that the
 * trainer and the search compute exactly the same numbers. Signals whose scale changes from query
 * to query (BM25, cosine) enter standardised over the candidates (z-scores), as in the hand-built
 * fusion; a paper without a vector gets the lowest meaning values of its query.
 */
public final class FusionFeatures {

    public static final String Z_KEYWORD = "z_keyword";
    public static final String Z_MEANING = "z_meaning";
    public static final String MEANING = "meaning";
    public static final String KEYWORD_OF_BEST = "keyword_of_best";
    public static final String MEANING_GAP = "meaning_gap_to_best";
    public static final String KEYWORD_RANK = "keyword_rank_recip";
    public static final String MEANING_RANK = "meaning_rank_recip";
    public static final String TERM_OVERLAP = "term_overlap";
    public static final String TITLE_OVERLAP = "title_overlap";
    public static final String Z_TITLE = "z_title";
    public static final String Z_KEYWORD_LONG = "z_keyword_x_query_length";
    public static final String Z_MEANING_LONG = "z_meaning_x_query_length";
    public static final String Z_KEYWORD_GAP = "z_keyword_x_keyword_gap";
    public static final String Z_MEANING_GAP = "z_meaning_x_keyword_gap";
    public static final String Z_KEYWORD_TOP_MEANING = "z_keyword_x_top_meaning";
    public static final String Z_MEANING_TOP_MEANING = "z_meaning_x_top_meaning";

    /** Every feature, in the order of {@link #compute}'s columns. */
    public static final List<String> ALL = List.of(Z_KEYWORD, Z_MEANING, MEANING, KEYWORD_OF_BEST, MEANING_GAP,
            KEYWORD_RANK, MEANING_RANK, TERM_OVERLAP, TITLE_OVERLAP, Z_TITLE, Z_KEYWORD_LONG, Z_MEANING_LONG,
            Z_KEYWORD_GAP, Z_MEANING_GAP, Z_KEYWORD_TOP_MEANING, Z_MEANING_TOP_MEANING);

    /** Rank features are RANK_DAMPING / (RANK_DAMPING + rank): 1 at the top, 0 when absent from a list. */
    static final double RANK_DAMPING = 10;
    /** Query length enters as terms / LENGTH_SCALE, capped at LENGTH_CAP (SciFact claims: about 8 terms). */
    static final double LENGTH_SCALE = 10;
    static final double LENGTH_CAP = 2;

    private FusionFeatures() {}

    /** One row per candidate, one column per entry of {@link #ALL}. */
    public static double[][] compute(List<Candidate> cands, int queryTerms) {
        int n = cands.size();
        double[] kw = new double[n], cos = new double[n], title = new double[n];
        for (int i = 0; i < n; i++) {
            kw[i] = cands.get(i).keyword();
            cos[i] = cands.get(i).meaning();
            title[i] = cands.get(i).title();
        }
        double[] zKw = zScores(kw), zCos = zScores(cos), zTitle = zScores(title);
        double maxKw = max(kw), maxCos = max(cos), minCos = min(cos);
        double length = Math.min(LENGTH_CAP, queryTerms / LENGTH_SCALE);
        double gap = keywordGap(kw), top = Double.isFinite(maxCos) ? maxCos : 0;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            Candidate c = cands.get(i);
            double meaning = c.hasVector() ? c.meaning() : (Double.isFinite(minCos) ? minCos : 0);
            rows[i] = new double[] {
                zKw[i], zCos[i], meaning,
                maxKw > 0 ? c.keyword() / maxKw : 0,
                Double.isFinite(maxCos) ? meaning - maxCos : 0,
                recip(c.keywordRank()), recip(c.meaningRank()),
                c.termOverlap(), c.titleOverlap(), zTitle[i],
                zKw[i] * length, zCos[i] * length,
                zKw[i] * gap, zCos[i] * gap, zKw[i] * top, zCos[i] * top,
            };
        }
        return rows;
    }

    /**
     * How far the best keyword match stands out: (best − second) / best BM25 among the candidates, in
     * [0, 1]; 0 when fewer than two papers match a word. A query-level signal of keyword confidence.
     */
    static double keywordGap(double[] kw) {
        double first = 0, second = 0;
        for (double v : kw) {
            if (v > first) { second = first; first = v; } else if (v > second) second = v;
        }
        return first > 0 && second > 0 ? (first - second) / first : 0;
    }

    private static double recip(int rank) {
        return rank < 0 ? 0 : RANK_DAMPING / (RANK_DAMPING + rank);
    }

    /** Standardises the finite values (mean 0, deviation 1); a missing value (NaN) gets the lowest z. */
    static double[] zScores(double[] x) {
        double sum = 0;
        int n = 0;
        for (double v : x) if (!Double.isNaN(v)) { sum += v; n++; }
        double[] z = new double[x.length];
        if (n == 0) return z;
        double mean = sum / n, var = 0;
        for (double v : x) if (!Double.isNaN(v)) var += (v - mean) * (v - mean);
        double sd = var > 0 ? Math.sqrt(var / n) : 1;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) continue;
            z[i] = (x[i] - mean) / sd;
            lowest = Math.min(lowest, z[i]);
        }
        for (int i = 0; i < x.length; i++) if (Double.isNaN(x[i])) z[i] = lowest;
        return z;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) if (!Double.isNaN(v)) m = Math.max(m, v);
        return m;
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) if (!Double.isNaN(v)) m = Math.min(m, v);
        return m;
    }
}
