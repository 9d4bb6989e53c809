package org.paperboy.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The For-you ranking: trains a reader's model from their signals and orders any list of papers by
 * it. The For-you page, the API, the digests and {@code eval-recs} all go through here.
 */
public final class Ranker {
    /** Best score first; equal scores by paper id so a ranking never depends on input order. */
    public static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id);

    public record Scored(String id, double score) {}

    private final Catalog catalog;
    private final ReaderTrainer trainer;

    public Ranker(Catalog catalog) {
        this(catalog, new LinearLearner(), ReaderModel.Blend.DEFAULT);
    }

    public Ranker(Catalog catalog, LinearLearner learner, ReaderModel.Blend blend) {
        this(catalog, new ReaderTrainer(learner, blend));
    }

    public Ranker(Catalog catalog, ReaderTrainer trainer) {
        this.catalog = catalog;
        this.trainer = trainer;
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * Positives are the positive signals found in the catalog; negatives the hidden papers and
     * {@code passedOver} (papers seen and left alone).
     */
    public ReaderModel train(List<Signal> signals, List<Item> passedOver) {
        List<ReaderModel.Positive> positives = new ArrayList<>();
        List<ReaderTrainer.Negative> negatives = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Signal s : signals) {
            if (!seen.add(s.paperId())) continue;
            Item item = catalog.item(s.paperId());
            if (item == null) continue;
            SparseVector f = catalog.features(item);
            if (s.kind().positive) positives.add(new ReaderModel.Positive(item.id(), item.title(), s.kind(), f, item.day()));
            else negatives.add(new ReaderTrainer.Negative(item.id(), f));
        }
        for (Item item : passedOver) {
            if (seen.add(item.id())) negatives.add(new ReaderTrainer.Negative(item.id(), catalog.features(item)));
        }
        return trainer.train(positives, negatives);
    }

    /** The papers ordered by the model, best first. */
    public List<Scored> rank(ReaderModel model, List<Item> papers) {
        List<Scored> out = new ArrayList<>(papers.size());
        for (Item item : papers) out.add(new Scored(item.id(), model.score(catalog.features(item))));
        out.sort(ORDER);
        return out;
    }
}
