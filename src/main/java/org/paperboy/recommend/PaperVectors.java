package org.paperboy.recommend;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.paperboy.index.EmbeddingStore;

/**
 * The stored embeddings of papers (those the search computes, bge-small by default), which the
 * recommender appends to their features. A paper without one ranks on its text and categories alone.
 */
public interface PaperVectors {
    PaperVectors NONE = ids -> Map.of();

    /** The vectors stored for these paper ids; ids without one are absent. */
    Map<String, float[]> vectors(Collection<String> ids);

    /** The vectors the embedding store holds for {@code model}; none when the model is empty (embeddings off). */
    static PaperVectors stored(EmbeddingStore store, String model) {
        if (model == null || model.isEmpty()) return NONE;
        return ids -> ids.isEmpty() ? Map.of() : store.vectors(model, List.copyOf(ids));
    }
}
