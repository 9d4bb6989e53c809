package org.paperboy.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a paper is recommended, in one line: the liked paper it is closest to, else the terms that
 * weigh most in the reader's model, else its followed category. A pure function of the model.
 */
public final class Reasons {
    /** Cosine with the nearest liked paper from which "like Title" is a fair thing to say. */
    static final double LIKENESS_MIN = 0.2;
    static final int TERMS_SHOWN = 3;

    public record Reason(String text, String likeTitle, String likeVerb) {
        public static Reason plain(String text) {
            return new Reason(text, null, null);
        }
    }

    private final Vocabulary vocabulary;

    public Reasons(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * @param followedCategory a category of the paper that the reader follows, or null
     * @param followedAuthor an author of the paper that the reader follows, or null
     */
    public Reason explain(ReaderModel model, SparseVector x, String followedAuthor, String followedCategory) {
        return explain(model::termWeights, model.likes().best(x), x, followedAuthor, followedCategory);
    }

    /** The model's weight of each of the first n features of x. */
    interface TermWeights {
        float[] of(SparseVector x, int n);
    }

    /** As above, with the positive nearest to x already found (while scoring it). */
    Reason explain(TermWeights weights, Likeness.Match nearest, SparseVector x, String followedAuthor, String followedCategory) {
        if (followedAuthor != null) return Reason.plain("by " + followedAuthor + ", whom you follow");
        if (nearest != null && nearest.cosine() > LIKENESS_MIN) {
            ReaderModel.Positive like = nearest.positive();
            return new Reason("like " + like.title() + ", which you " + like.kind().verb, like.title(), like.kind().verb);
        }
        if (followedCategory != null) return Reason.plain("in " + followedCategory + ", which you follow");
        List<String> terms = matchedTerms(weights, x);
        if (!terms.isEmpty()) return Reason.plain("matches your interests: " + String.join(", ", terms));
        return Reason.plain("");
    }

    List<String> matchedTerms(ReaderModel model, SparseVector x) {
        return matchedTerms(model::termWeights, x);
    }

    /** The paper's {@link #TERMS_SHOWN} words that add most to its score (model weight times tf-idf), best first. */
    private List<String> matchedTerms(TermWeights weights, SparseVector x) {
        // words have the lowest feature indices: they are the start of x
        int words = 0;
        while (words < x.size() && vocabulary.isTerm(x.index()[words])) words++;
        float[] w = weights.of(x, words);
        int[] best = new int[TERMS_SHOWN];
        double[] bestWeight = new double[TERMS_SHOWN];
        int n = 0;
        for (int i = 0; i < words; i++) {
            double part = x.value()[i] * (double) w[i];
            if (part <= 0 || (n == TERMS_SHOWN && !before(part, i, bestWeight[n - 1], best[n - 1], x))) continue;
            int at = n < TERMS_SHOWN ? n++ : n - 1;
            while (at > 0 && before(part, i, bestWeight[at - 1], best[at - 1], x)) {
                best[at] = best[at - 1];
                bestWeight[at] = bestWeight[at - 1];
                at--;
            }
            best[at] = i;
            bestWeight[at] = part;
        }
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) out.add(vocabulary.name(x.index()[best[k]]).toLowerCase(Locale.ROOT));
        return out;
    }

    /** Heavier first; equal weights in the order of their words. */
    private boolean before(double weight, int i, double otherWeight, int other, SparseVector x) {
        if (weight != otherWeight) return weight > otherWeight;
        return vocabulary.name(x.index()[i]).compareTo(vocabulary.name(x.index()[other])) < 0;
    }
}
