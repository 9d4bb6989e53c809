package org.paperboy.recommend;

import java.util.ArrayList;
import java.util.Comparator;
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
        return explain(model, new Likeness(model.positives()), x, followedAuthor, followedCategory);
    }

    /** As above, with the positives' index built once for a whole listing. */
    Reason explain(ReaderModel model, Likeness likeness, SparseVector x, String followedAuthor, String followedCategory) {
        if (followedAuthor != null) return Reason.plain("by " + followedAuthor + ", whom you follow");
        ReaderModel.Positive nearest = likeness.nearest(x, LIKENESS_MIN);
        if (nearest != null) return new Reason("like " + nearest.title() + ", which you " + nearest.kind().verb, nearest.title(), nearest.kind().verb);
        List<String> terms = matchedTerms(model, x);
        if (followedCategory != null) return Reason.plain("in " + followedCategory + ", which you follow");
        if (!terms.isEmpty()) return Reason.plain("matches your interests: " + String.join(", ", terms));
        return Reason.plain("");
    }

    /** The paper's terms that add most to its score (model weight times tf-idf), best first. */
    List<String> matchedTerms(ReaderModel model, SparseVector x) {
        record Part(String term, double weight) {}
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            int f = x.index()[i];
            if (!vocabulary.isTerm(f)) continue;
            double w = x.value()[i] * ((model.linear() != null ? model.linear().weight(f) : 0) + model.centroid().get(f));
            if (w > 0) parts.add(new Part(vocabulary.name(f), w));
        }
        parts.sort(Comparator.comparingDouble(Part::weight).reversed().thenComparing(Part::term));
        return parts.stream().limit(TERMS_SHOWN).map(p -> p.term().toLowerCase(Locale.ROOT)).toList();
    }
}
