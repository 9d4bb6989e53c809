package org.paperboy.index;

/** Lucene field names, in one place for the writer, the queries and the highlighter. */
final class Fields {
    static final String ID = "id";               // KeywordField: base arXiv id, the updateDocument key
    static final String TITLE = "title";         // TextField, English analysis, stored
    static final String ABSTRACT = "abstract";   // TextField, English analysis, stored (snippets)
    static final String TEXT = "text";           // title + abstract in one field, for BM25 (as Anserini's bm25-flat)
    static final String AUTHORS = "authors";     // TextField, standard analysis (names are not stemmed)
    static final String CATEGORY = "cat";        // KeywordField, multi-valued, with doc values for counts
    static final String DATE = "date";           // LongField: listing day as epoch day
    static final String HAS = "has";             // KeywordField: "code" when the paper links code
    static final String VECTOR = "vec";
    static final String HASH = "hash";           // StoredField: the paper's content hash, so a vote does not re-index it          // KnnFloatVectorField, dot product of unit vectors

    private Fields() {}
}
