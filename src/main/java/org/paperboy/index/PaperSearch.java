package org.paperboy.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.QueryBuilder;

/**
 * Keyword (BM25), semantic (HNSW over paper vectors) and hybrid (both, fused by reciprocal rank)
 * search over the index, with filters, paging, date sort, snippets and per-category counts; and
 * similar papers. Papers without a vector yet are still found by keyword.
 */
public final class PaperSearch {

    public enum Mode { KEYWORD, SEMANTIC, HYBRID }

    /** Hits need only these stored fields; loading whole documents would decode every abstract. */
    private static final java.util.Set<String> ID_ONLY = java.util.Set.of(Fields.ID);
    private static final java.util.Set<String> DATE_ONLY = java.util.Set.of(Fields.DATE);

    public enum Order { RELEVANCE, DATE }

    /** @param details also compute snippets, the exact total and per-category counts (the page wants them, the API not) */
    public record Request(ParsedQuery query, Mode mode, Order order, int offset, int limit, boolean details) {}

    public record Hit(String id, double score, Snippet snippet) {}

    /** @param mode the mode actually used (semantic falls back to keyword without vectors) */
    public record Results(List<Hit> hits, long total, Map<String, Integer> categories, Mode mode) {}

    /** Title matches weigh more than abstract matches (SciFact: see the README's table). */
    public static final float TITLE_BOOST = 0.25f;
    public static final float AUTHOR_BOOST = 0.5f;
    /** How much closer than the average candidate a paper matching no word must be to stay in hybrid results. */
    public static final double MEANING_ONLY_MIN_Z = 1.0;
    /** Candidates each side brings to the fusion. */
    public static final int FUSION_DEPTH = 100;
    /** Deepest result a page may reach. */
    public static final int MAX_RESULTS = 1000;
    static final int SNIPPET_CHARS = 320;

    private final SearchIndex index;
    private final Embedder embedder;

    /** @param embedder null when search runs without vectors (keyword only) */
    public PaperSearch(SearchIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    public Results search(Request r) {
        int depth = Math.min(MAX_RESULTS, r.offset() + r.limit());
        if (r.offset() >= MAX_RESULTS) return new Results(List.of(), 0, Map.of(), r.mode());
        IndexSearcher s = index.acquire();
        try {
            return new Run(s, r, depth).execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(s);
        }
    }

    /** One search against one point-in-time searcher. */
    private final class Run {
        final IndexSearcher s;
        final Request r;
        final int depth;
        final Query filter;
        final Query text;

        Run(IndexSearcher s, Request r, int depth) {
            this.s = s;
            this.r = r;
            this.depth = depth;
            this.filter = filterQuery(r.query());
            this.text = textQuery(r.query());
            if (r.query().hasText() && text == null && filter == null) {
                throw new QueryException("Those words are all too common to search for; add a more specific word.");
            }
        }

        Results execute() throws IOException {
            Mode mode = embedder == null || !r.query().hasText() ? Mode.KEYWORD : r.mode();
            List<ScoreDoc> ranked = switch (mode) {
                case KEYWORD -> keyword();
                case SEMANTIC -> semantic(Math.max(depth, FUSION_DEPTH));
                case HYBRID -> hybrid();
            };
            if (r.order() == Order.DATE && mode != Mode.KEYWORD) ranked = byDate(ranked);
            List<ScoreDoc> page = ranked.subList(Math.min(r.offset(), ranked.size()), Math.min(depth, ranked.size()));
            long total = ranked.size();
            Map<String, Integer> cats = Map.of();
            if (r.details()) {
                FixedBitSet all = resultSet(mode, ranked);
                total = all.cardinality();
                cats = categoryCounts(s.getIndexReader(), all);
            }
            return new Results(hits(page), total, cats, mode);
        }

        Query keywordQuery() {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
            if (filter != null) b.add(filter, Occur.FILTER);
            return b.build();
        }

        List<ScoreDoc> keyword() throws IOException {
            Query q = keywordQuery();
            boolean byDate = r.order() == Order.DATE || text == null;
            TopDocs top = byDate ? s.search(q, Math.max(depth, 1), newestFirst()) : s.search(q, Math.max(depth, 1));
            return List.of(top.scoreDocs);
        }

        List<ScoreDoc> semantic(int k) throws IOException {
            float[] v = embedder.embedQuery(r.query().semanticText());
            return List.of(s.search(new KnnFloatVectorQuery(Fields.VECTOR, v, k, filter), k).scoreDocs);
        }

        List<ScoreDoc> hybrid() throws IOException {
            int k = Math.max(depth, FUSION_DEPTH);
            Query keyword = keywordQuery();
            float[] v = embedder.embedQuery(r.query().semanticText());
            Map<Integer, double[]> signals = new java.util.TreeMap<>();
            for (ScoreDoc d : s.search(keyword, k).scoreDocs) signals.put(d.doc, new double[] {d.score, Double.NaN});
            for (ScoreDoc d : s.search(new KnnFloatVectorQuery(Fields.VECTOR, v, k, filter), k).scoreDocs) {
                signals.computeIfAbsent(d.doc, x -> new double[] {Double.NaN, Double.NaN})[1] = d.score;
            }
            completeScores(s, keyword, v, signals);
            java.util.Set<Integer> far = farMeaningOnly(signals);
            withoutVectorAsKeyword(signals);
            return Fusion.zScoreSum(signals).stream().filter(x -> !far.contains(x.item()))
                    .map(x -> new ScoreDoc(x.item(), (float) x.score())).toList();
        }

        List<ScoreDoc> byDate(List<ScoreDoc> docs) throws IOException {
            StoredFields stored = s.storedFields();
            Map<Integer, Long> dates = new HashMap<>();
            for (ScoreDoc d : docs) {
                var f = stored.document(d.doc, DATE_ONLY).getField(Fields.DATE);
                dates.put(d.doc, f == null ? Long.MIN_VALUE : f.numericValue().longValue());
            }
            List<ScoreDoc> sorted = new ArrayList<>(docs);
            sorted.sort(Comparator.comparing((ScoreDoc d) -> dates.get(d.doc)).reversed());
            return sorted;
        }

        /** Keyword matches (all of them), plus the vector candidates in semantic and hybrid modes. */
        FixedBitSet resultSet(Mode mode, List<ScoreDoc> ranked) throws IOException {
            FixedBitSet bits = new FixedBitSet(Math.max(1, s.getIndexReader().maxDoc()));
            if (mode != Mode.SEMANTIC) s.search(keywordQuery(), new BitsCollectorManager(bits));
            for (ScoreDoc d : ranked) bits.set(d.doc);
            return bits;
        }

        List<Hit> hits(List<ScoreDoc> page) throws IOException {
            if (page.isEmpty()) return List.of();
            int[] docs = page.stream().mapToInt(d -> d.doc).toArray();
            String[] snippets = r.details() ? snippets(docs) : new String[docs.length];
            StoredFields stored = s.storedFields();
            List<Hit> out = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) {
                String id = stored.document(docs[i], ID_ONLY).get(Fields.ID);
                out.add(new Hit(id, page.get(i).score, Snippet.parse(snippets[i])));
            }
            return out;
        }

        String[] snippets(int[] docs) throws IOException {
            Query highlight = text == null ? new MatchAllDocsQuery() : text;
            UnifiedHighlighter h = UnifiedHighlighter.builder(s, index.queryAnalyzer())
                    .withFormatter(new DefaultPassageFormatter(String.valueOf(Snippet.START), String.valueOf(Snippet.END), " … ", false))
                    .withFieldMatcher(f -> true)
                    .withMaxLength(10_000)
                    .build();
            // a docId array must be sorted ascending for the highlighter; map back afterwards
            int[] sorted = docs.clone();
            java.util.Arrays.sort(sorted);
            String[] out = h.highlightFields(new String[] {Fields.ABSTRACT}, highlight, sorted, new int[] {2}).get(Fields.ABSTRACT);
            Map<Integer, String> byDoc = new HashMap<>();
            for (int i = 0; i < sorted.length; i++) byDoc.put(sorted[i], trim(out[i]));
            String[] result = new String[docs.length];
            for (int i = 0; i < docs.length; i++) result[i] = byDoc.get(docs[i]);
            return result;
        }
    }

    /**
     * Nearest-neighbour search always returns k papers, however far; a candidate that matches no
     * word stays only when it is clearly closer than the candidates' average (z-score of its cosine
     * at least {@link #MEANING_ONLY_MIN_Z}), so that counts and categories describe real matches.
     * Applied after fusion, so the order of what stays is unchanged.
     */
    static java.util.Set<Integer> farMeaningOnly(Map<Integer, double[]> signals) {
        List<Fusion.Scored<Integer>> cosines = new ArrayList<>();
        signals.forEach((doc, sig) -> {
            if (!Double.isNaN(sig[1])) cosines.add(new Fusion.Scored<>(doc, sig[1]));
        });
        Map<Integer, Double> z = Fusion.zScores(cosines);
        java.util.Set<Integer> far = new java.util.HashSet<>();
        signals.forEach((doc, sig) -> {
            if (sig[0] == 0 && z.getOrDefault(doc, 0.0) < MEANING_ONLY_MIN_Z) far.add(doc);
        });
        return far;
    }

    /**
     * A paper the embedding backfill has not reached yet has no vector. Left missing, fusion would give
     * it the lowest cosine of all candidates and rank it as if its meaning were far from the query, so
     * hybrid would rank it below where keyword search does. Instead its cosine is imputed at the same
     * standing (z-score) among the embedded candidates as its BM25 has among all candidates: its meaning
     * is assumed to agree with its words. Runs before fusion and leaves fusion itself unchanged.
     */
    static void withoutVectorAsKeyword(Map<Integer, double[]> signals) {
        List<Fusion.Scored<Integer>> bm25 = new ArrayList<>();
        List<Double> cosines = new ArrayList<>();
        signals.forEach((doc, sig) -> {
            bm25.add(new Fusion.Scored<>(doc, sig[0]));
            if (!Double.isNaN(sig[1])) cosines.add(sig[1]);
        });
        if (cosines.size() == signals.size()) return;
        Map<Integer, Double> keywordZ = Fusion.zScores(bm25);
        double mean = cosines.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = cosines.stream().mapToDouble(c -> (c - mean) * (c - mean)).average().orElse(0);
        double sd = var > 0 ? Math.sqrt(var) : 1;
        signals.forEach((doc, sig) -> {
            if (Double.isNaN(sig[1])) sig[1] = mean + keywordZ.get(doc) * sd;
        });
    }

    /**
     * Fills each candidate's missing score: BM25 of a vector-only candidate (0 when no word
     * matches) and the cosine of a keyword-only one (left missing when it has no vector yet).
     * Candidates are visited in doc id order, as Lucene's iterators require.
     */
    static void completeScores(IndexSearcher s, Query keyword, float[] query, Map<Integer, double[]> signals) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        Weight weight = s.createWeight(s.rewrite(keyword), ScoreMode.COMPLETE, 1f);
        int leafIndex = -1;
        Scorer scorer = null;
        FloatVectorValues vectors = null;
        KnnVectorValues.DocIndexIterator vectorIt = null;
        for (var e : signals.entrySet()) {
            int doc = e.getKey();
            double[] sig = e.getValue();
            int li = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext leaf = leaves.get(li);
            if (li != leafIndex) {
                leafIndex = li;
                scorer = weight.scorer(leaf);
                vectors = leaf.reader().getFloatVectorValues(Fields.VECTOR);
                vectorIt = vectors == null ? null : vectors.iterator();
            }
            int local = doc - leaf.docBase;
            if (Double.isNaN(sig[0])) {
                sig[0] = 0;
                if (scorer != null && (scorer.docID() >= local || scorer.iterator().advance(local) >= local) && scorer.docID() == local) {
                    sig[0] = scorer.score();
                }
            }
            if (Double.isNaN(sig[1]) && vectorIt != null) {
                int at = vectorIt.docID() >= local ? vectorIt.docID() : vectorIt.advance(local);
                if (at == local) sig[1] = VectorSimilarityFunction.DOT_PRODUCT.compare(query, vectors.vectorValue(vectorIt.index()));
            }
        }
    }

    private static String trim(String s) {
        if (s == null || s.length() <= SNIPPET_CHARS + 40) return s;
        int cut = s.lastIndexOf(' ', SNIPPET_CHARS);
        String head = s.substring(0, cut < 0 ? SNIPPET_CHARS : cut);
        // never leave a match open
        if (head.lastIndexOf(Snippet.START) > head.lastIndexOf(Snippet.END)) head += Snippet.END;
        return head + " …";
    }

    private static Sort newestFirst() {
        return new Sort(new SortedNumericSortField(Fields.DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE);
    }

    /** BM25 over title+abstract, plus boosted title and author matches; phrases must match. */
    Query textQuery(ParsedQuery q) {
        QueryBuilder qb = new QueryBuilder(index.queryAnalyzer());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (!q.words().isBlank()) {
            Query words = words(qb, q.words());
            if (words != null) {
                b.add(words, q.phrases().isEmpty() ? Occur.MUST : Occur.SHOULD);
                any = true;
            }
        }
        for (String phrase : q.phrases()) {
            Query p = qb.createPhraseQuery(Fields.TEXT, phrase);
            if (p == null) continue;
            b.add(p, Occur.MUST);
            any = true;
        }
        return any ? b.build() : null;
    }

    private static Query words(QueryBuilder qb, String words) {
        Query text = qb.createBooleanQuery(Fields.TEXT, words);
        if (text == null) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.SHOULD);
        Query title = qb.createBooleanQuery(Fields.TITLE, words);
        if (title != null && TITLE_BOOST > 0) b.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
        Query authors = qb.createBooleanQuery(Fields.AUTHORS, words);
        if (authors != null && AUTHOR_BOOST > 0) b.add(new BoostQuery(authors, AUTHOR_BOOST), Occur.SHOULD);
        return b.build();
    }

    /** The query's filters as one query, or null when it has none. Several cat: are alternatives. */
    Query filterQuery(ParsedQuery q) {
        if (!q.hasFilters()) return null;
        QueryBuilder qb = new QueryBuilder(index.queryAnalyzer());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String a : q.authors()) {
            Query p = qb.createPhraseQuery(Fields.AUTHORS, a);
            b.add(p == null ? new MatchAllDocsQuery() : p, Occur.FILTER);
        }
        if (!q.categories().isEmpty()) {
            BooleanQuery.Builder cats = new BooleanQuery.Builder();
            for (String c : q.categories()) {
                cats.add(c.contains(".") ? new TermQuery(new Term(Fields.CATEGORY, c)) : new PrefixQuery(new Term(Fields.CATEGORY, c + ".")), Occur.SHOULD);
                if (!c.contains(".")) cats.add(new TermQuery(new Term(Fields.CATEGORY, c)), Occur.SHOULD);
            }
            b.add(cats.build(), Occur.FILTER);
        }
        if (q.after() != null || q.before() != null) {
            long from = q.after() == null ? Long.MIN_VALUE : q.after().toEpochDay();
            long to = q.before() == null ? Long.MAX_VALUE : q.before().toEpochDay() - 1;
            b.add(LongField.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
        }
        if (q.hasCode()) b.add(new TermQuery(new Term(Fields.HAS, "code")), Occur.FILTER);
        return b.build();
    }

    /**
     * Nearest papers by vector fused with a keyword more-like-this, never the paper itself (one
     * document per base id, so its other versions are excluded with it).
     */
    public List<Hit> similar(String baseId, int limit) {
        IndexSearcher s = index.acquire();
        try {
            TopDocs self = s.search(new TermQuery(new Term(Fields.ID, baseId)), 1);
            if (self.scoreDocs.length == 0) return List.of();
            int doc = self.scoreDocs[0].doc;
            Query notSelf = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.ID, baseId)), Occur.MUST_NOT).build();
            int k = Math.max(limit * 2, 20);
            List<Integer> lexical = moreLikeThis(s, doc, notSelf, k);
            List<Integer> vector = vectorOf(s.getIndexReader(), doc)
                    .map(v -> knn(s, v, k, notSelf)).orElse(List.of());
            List<Hit> out = new ArrayList<>();
            StoredFields stored = s.storedFields();
            for (var x : Fusion.rrf(vector, lexical)) {
                if (out.size() == limit) break;
                out.add(new Hit(stored.document(x.item(), ID_ONLY).get(Fields.ID), x.score(), new Snippet(List.of())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(s);
        }
    }

    private List<Integer> moreLikeThis(IndexSearcher s, int doc, Query notSelf, int k) throws IOException {
        Document d = s.storedFields().document(doc);
        MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
        mlt.setAnalyzer(index.queryAnalyzer());
        mlt.setFieldNames(new String[] {Fields.TEXT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMaxQueryTerms(25);
        Query like = mlt.like(Fields.TEXT, new StringReader(d.get(Fields.TITLE) + "\n" + d.get(Fields.ABSTRACT)));
        Query q = new BooleanQuery.Builder().add(like, Occur.MUST).add(notSelf, Occur.FILTER).build();
        return List.of(s.search(q, k).scoreDocs).stream().map(x -> x.doc).toList();
    }

    private static List<Integer> knn(IndexSearcher s, float[] v, int k, Query filter) {
        try {
            return List.of(s.search(new KnnFloatVectorQuery(Fields.VECTOR, v, k, filter), k).scoreDocs).stream().map(x -> x.doc).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<float[]> vectorOf(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (values == null) return Optional.empty();
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int local = doc - leaf.docBase;
        if (it.advance(local) != local) return Optional.empty();
        return Optional.of(values.vectorValue(it.index()).clone());
    }

    /** Papers per category among the documents set in {@code docs}, most first. */
    static Map<String, Integer> categoryCounts(IndexReader reader, FixedBitSet docs) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedSetDocValues cats = leaf.reader().getSortedSetDocValues(Fields.CATEGORY);
            if (cats == null) continue;
            int max = leaf.reader().maxDoc();
            for (int d = docs.nextSetBit(leaf.docBase); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS && d < leaf.docBase + max;
                    d = d + 1 >= docs.length() ? org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS : docs.nextSetBit(d + 1)) {
                if (!cats.advanceExact(d - leaf.docBase)) continue;
                for (int i = 0; i < cats.docValueCount(); i++) counts.merge(cats.lookupOrd(cats.nextOrd()).utf8ToString(), 1, Integer::sum);
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Sets the global doc id of every match in a bit set. */
    private record BitsCollectorManager(FixedBitSet bits) implements CollectorManager<SimpleCollector, Void> {
        @Override
        public SimpleCollector newCollector() {
            return new SimpleCollector() {
                int base;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    base = context.docBase;
                }

                @Override
                public void collect(int doc) {
                    bits.set(base + doc);
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            };
        }

        @Override
        public Void reduce(java.util.Collection<SimpleCollector> collectors) {
            return null;
        }
    }
}
