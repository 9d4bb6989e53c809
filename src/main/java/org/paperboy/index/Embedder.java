package org.paperboy.index;

/**
 * Turns text into a unit-length vector. Queries and documents are embedded differently because
 * retrieval models such as bge expect an instruction in front of a query.
 */
public interface Embedder extends AutoCloseable {

    /** The model's name; embeddings are stored per (paper, model). */
    String model();

    int dimensions();

    float[] embedQuery(String query);

    /**
     * A query with or without the model's instruction: a fusion learned on queries embedded bare
     * ({@link LearnedFusion#queryInstruction()} false) is served the same way. Bare, a query is
     * embedded as a document would be (the models here give documents no prefix).
     */
    default float[] embedQuery(String query, boolean instruction) {
        return instruction ? embedQuery(query) : embedDocument(query);
    }

    float[] embedDocument(String text);

    /** The text of a paper that is embedded: title and abstract. */
    static String documentText(String title, String abstractText) {
        return (title == null ? "" : title.strip()) + "\n" + (abstractText == null ? "" : abstractText.strip());
    }

    @Override
    default void close() {}
}
