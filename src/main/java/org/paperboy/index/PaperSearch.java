package org.paperboy.index;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.VectorUtil;

/**
 * Keyword (BM25), semantic (HNSW over paper vectors) and hybrid (both, fused by a
 * {@link LearnedFusion}) search over the index, with filters, paging, date sort, snippets and per-category counts; and
 * similar papers. Papers without a vector yet are still found by keyword.
 */
public final class PaperSearch {

    public enum Mode { KEYWORD, SEMANTIC, HYBRID }

    /** Hits need only these stored fields; loading whole documents would decode every abstract. */
    private static final Set<String> ID_ONLY = Set.of(Fields.ID);
    private static final Set<String> DATE_ONLY = Set.of(Fields.DATE);

    public enum Order { RELEVANCE, DATE }

    /**
     * @param details also compute snippets, the exact total and per-category counts (the search page)
     * @param explain also give each hit its score parts ({@link Explanation})
     * @param total   also compute the exact total (the API's X-Total-Count) without the rest of {@code details}:
     *                counting every match's categories was most of a keyword search at a million papers
     */
    public record Request(ParsedQuery query, Mode mode, Order order, int offset, int limit, boolean details, boolean explain, boolean total) {
        public Request(ParsedQuery query, Mode mode, Order order, int offset, int limit, boolean details, boolean explain) {
            this(query, mode, order, offset, limit, details, explain, details);
        }

        public Request(ParsedQuery query, Mode mode, Order order, int offset, int limit, boolean details) {
            this(query, mode, order, offset, limit, details, false);
        }
    }

    /** @param explain the score's parts, only when the request asked for them */
    public record Hit(String id, double score, Snippet snippet, Explanation explain) {
        public Hit(String id, double score, Snippet snippet) {
            this(id, score, snippet, null);
        }
    }

    /**
     * The parts of one hit's score. {@code keyword} is the BM25 of the whole keyword query, of which
     * {@code titleBoost} and {@code authorsBoost} are the boosted title and author clauses' shares;
     * {@code meaning} the cosine to the query (NaN without a vector or model); {@code fusion} the
     * fused score (hybrid) with each feature's weighted contribution and the fusion's version.
     */
    public record Explanation(double keyword, double titleBoost, double authorsBoost, double meaning,
                              double fusion, Map<String, Double> contributions, String fusionVersion) {

        /** As JSON; a part that does not apply (no vector, no fusion) is null. */
        public ObjectNode toJson() {
            var o = JsonNodeFactory.instance.objectNode();
            number(o, "keyword", keyword);
            var boosts = o.putObject("boosts");
            number(boosts, "title", titleBoost);
            number(boosts, "authors", authorsBoost);
            number(o, "meaning", meaning);
            number(o, "fusion", fusion);
            var parts = o.putObject("fusionParts");
            contributions.forEach((k, v) -> number(parts, k, v));
            o.put("fusionVersion", fusionVersion.isEmpty() ? null : fusionVersion);
            return o;
        }

        private static void number(ObjectNode o, String name, double v) {
            if (Double.isFinite(v)) o.put(name, v);
            else o.putNull(name);
        }
    }

    /** Hybrid's candidates for one query, with their paper ids (for training a fusion). */
    public record Candidates(List<Candidate> list, List<String> ids, int queryTerms) {}

    /** @param mode the mode actually used (semantic falls back to keyword without vectors) */
    public record Results(List<Hit> hits, long total, Map<String, Integer> categories, Mode mode) {}

    /** Title matches weigh more than abstract matches (SciFact: see the README's table). */
    public static final float TITLE_BOOST = 0.25f;
    public static final float AUTHOR_BOOST = 0.5f;
    /** Candidates each side brings to the fusion. */
    public static final int FUSION_DEPTH = 100;
    /** Deepest result a page may reach. */
    public static final int MAX_RESULTS = 1000;
    static final int SNIPPET_CHARS = 320;

    private final SearchIndex index;
    private final Embedder embedder;
    private final LearnedFusion fusion;

    /** @param embedder null when search runs without vectors (keyword only); the model's shipped fusion is used */
    public PaperSearch(SearchIndex index, Embedder embedder) {
        this(index, embedder, embedder == null ? LearnedFusion.HAND_BUILT : LearnedFusion.forModelOrHandBuilt(embedder.model()));
    }

    public PaperSearch(SearchIndex index, Embedder embedder, LearnedFusion fusion) {
        this.index = index;
        this.embedder = embedder;
        this.fusion = fusion;
    }

    public LearnedFusion fusion() {
        return fusion;
    }

    /** Hybrid's candidates for a query with words (empty without a model). */
    public Candidates candidates(ParsedQuery q) {
        if (embedder == null || !q.hasText()) return new Candidates(List.of(), List.of(), 0);
        IndexSearcher s = index.acquire();
        try {
            Run run = new Run(s, new Request(q, Mode.HYBRID, Order.RELEVANCE, 0, FUSION_DEPTH, false), FUSION_DEPTH);
            float[] v = embedder.embedQuery(q.semanticText(), fusion.queryInstruction());
            List<Candidate> list = run.candidates(run.keywordQuery(), v, FUSION_DEPTH);
            StoredFields stored = s.storedFields();
            List<String> ids = new ArrayList<>();
            for (Candidate c : list) ids.add(stored.document(c.doc(), ID_ONLY).get(Fields.ID));
            return new Candidates(list, ids, run.queryTerms().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(s);
        }
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
        List<String> terms;
        float[] vector;
        final Map<Integer, Map<String, Double>> contributions = new HashMap<>();

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
            if (r.details() || r.total()) {
                FixedBitSet all = resultSet(mode, ranked);
                total = all.cardinality();
                if (r.details()) cats = categoryCounts(s.getIndexReader(), all);
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

        /** Nearest papers whose cosine reaches semantic search's floor (HNSW alone returns k however far). */
        List<ScoreDoc> semantic(int k) throws IOException {
            return List.of(s.search(new KnnFloatVectorQuery(Fields.VECTOR, vector(), k, filter), k).scoreDocs).stream()
                    .filter(d -> cosineOfKnnScore(d.score) >= fusion.semanticFloor()).toList();
        }

        /**
         * The top k of each list, every candidate with all its signals, ranked by the fusion. A
         * candidate that matches no word stays when its cosine reaches the floor, wherever the
         * fusion puts it, so semantic matches fill what keyword matches leave of the list.
         */
        List<ScoreDoc> hybrid() throws IOException {
            int k = Math.max(depth, FUSION_DEPTH);
            List<Candidate> cands = candidates(keywordQuery(), vector(), k);
            List<Fusion.Scored<Candidate>> ranked = fusion.rank(cands, queryTerms().size());
            if (r.explain()) explainFusion(cands);
            return ranked.stream().map(x -> new ScoreDoc(x.item().doc(), (float) x.score())).toList();
        }

        /** Each candidate's feature contributions (weight × value), for --explain. */
        void explainFusion(List<Candidate> cands) {
            double[][] rows = FusionFeatures.compute(cands, queryTerms().size());
            for (int i = 0; i < cands.size(); i++) {
                Map<String, Double> parts = new LinkedHashMap<>();
                for (int j = 0; j < fusion.features().size(); j++) {
                    String f = fusion.features().get(j);
                    parts.put(f, fusion.weights()[j] * rows[i][FusionFeatures.ALL.indexOf(f)]);
                }
                contributions.put(cands.get(i).doc(), parts);
            }
        }

        List<Candidate> candidates(Query keyword, float[] v, int k) throws IOException {
            Map<Integer, int[]> ranks = new TreeMap<>();
            ScoreDoc[] byWords = s.search(keyword, k).scoreDocs;
            for (int i = 0; i < byWords.length; i++) ranks.put(byWords[i].doc, new int[] {i, -1});
            ScoreDoc[] byMeaning = s.search(new KnnFloatVectorQuery(Fields.VECTOR, v, k, filter), k).scoreDocs;
            for (int i = 0; i < byMeaning.length; i++) ranks.computeIfAbsent(byMeaning[i].doc, x -> new int[] {-1, -1})[1] = i;
            int[] docs = ranks.keySet().stream().mapToInt(Integer::intValue).toArray();
            double[] bm25 = scoresAt(s, keyword, docs);
            Query[] clauses = clauses();
            double[] title = clauses[0] == null ? new double[docs.length] : scoresAt(s, clauses[0], docs);
            double[] authors = clauses[1] == null ? new double[docs.length] : scoresAt(s, clauses[1], docs);
            double[] cos = cosines(s, v, docs);
            imputeMissingMeaning(bm25, cos);
            double[] overlap = overlap(Fields.TEXT, docs), titleOverlap = overlap(Fields.TITLE, docs);
            List<Candidate> out = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                int[] rk = ranks.get(docs[i]);
                out.add(new Candidate(docs[i], bm25[i], title[i], authors[i], cos[i], rk[0], rk[1], overlap[i], titleOverlap[i]));
            }
            return out;
        }

        /** The boosted title and authors clauses of the words, as they sit in the keyword query (null when absent). */
        Query[] clauses() {
            String words = r.query().words();
            if (words.isBlank()) return new Query[2];
            QueryBuilder qb = new QueryBuilder(index.queryAnalyzer());
            Query title = qb.createBooleanQuery(Fields.TITLE, words);
            Query authors = qb.createBooleanQuery(Fields.AUTHORS, words);
            return new Query[] {
                title == null || TITLE_BOOST == 0 ? null : new BoostQuery(title, TITLE_BOOST),
                authors == null || AUTHOR_BOOST == 0 ? null : new BoostQuery(authors, AUTHOR_BOOST),
            };
        }

        float[] vector() {
            // semantic search embeds as the model was made to be queried; hybrid as its fusion was learned
            if (vector == null) vector = embedder.embedQuery(r.query().semanticText(), r.mode() == Mode.SEMANTIC || fusion.queryInstruction());
            return vector;
        }

        List<String> queryTerms() {
            if (terms == null) terms = analyzedTerms(index.queryAnalyzer(), Fields.TEXT, r.query().words());
            return terms;
        }

        /** Share of the query's distinct terms that each document has in {@code field}. */
        double[] overlap(String field, int[] docs) throws IOException {
            double[] out = new double[docs.length];
            List<String> qt = queryTerms();
            if (qt.isEmpty()) return out;
            for (String t : qt) {
                double[] hit = scoresAt(s, new ConstantScoreQuery(new TermQuery(new Term(field, t))), docs);
                for (int i = 0; i < docs.length; i++) if (hit[i] > 0) out[i] += 1.0 / qt.size();
            }
            return out;
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
            Explanation[] explained = r.explain() ? explain(page) : new Explanation[docs.length];
            StoredFields stored = s.storedFields();
            List<Hit> out = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) {
                String id = stored.document(docs[i], ID_ONLY).get(Fields.ID);
                out.add(new Hit(id, page.get(i).score, Snippet.parse(snippets[i]), explained[i]));
            }
            return out;
        }

        /** Recomputes each hit's signals (only the page's, and only when asked). */
        Explanation[] explain(List<ScoreDoc> page) throws IOException {
            List<ScoreDoc> sorted = new ArrayList<>(page);
            sorted.sort(Comparator.comparingInt(d -> d.doc));
            int[] docs = sorted.stream().mapToInt(d -> d.doc).toArray();
            double[] bm25 = text == null ? new double[docs.length] : scoresAt(s, keywordQuery(), docs);
            Query[] clauses = clauses();
            double[] title = clauses[0] == null ? new double[docs.length] : scoresAt(s, clauses[0], docs);
            double[] authors = clauses[1] == null ? new double[docs.length] : scoresAt(s, clauses[1], docs);
            double[] cos = new double[docs.length];
            Arrays.fill(cos, Double.NaN);
            if (embedder != null && r.query().hasText()) cos = cosines(s, vector(), docs);
            Map<Integer, Explanation> byDoc = new HashMap<>();
            for (int i = 0; i < docs.length; i++) {
                Map<String, Double> parts = contributions.getOrDefault(docs[i], Map.of());
                double fused = parts.isEmpty() ? Double.NaN : parts.values().stream().mapToDouble(Double::doubleValue).sum();
                byDoc.put(docs[i], new Explanation(bm25[i], title[i], authors[i], cos[i], fused, parts, parts.isEmpty() ? "" : fusion.version()));
            }
            Explanation[] out = new Explanation[page.size()];
            for (int i = 0; i < page.size(); i++) out[i] = byDoc.get(page.get(i).doc);
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
            Arrays.sort(sorted);
            String[] out = h.highlightFields(new String[] {Fields.ABSTRACT}, highlight, sorted, new int[] {2}).get(Fields.ABSTRACT);
            Map<Integer, String> byDoc = new HashMap<>();
            for (int i = 0; i < sorted.length; i++) byDoc.put(sorted[i], trim(out[i]));
            String[] result = new String[docs.length];
            for (int i = 0; i < docs.length; i++) result[i] = byDoc.get(docs[i]);
            return result;
        }
    }

    /** Lucene scores a dot-product match as (1 + cosine) / 2; the floor is a cosine. */
    static double cosineOfKnnScore(float score) {
        return 2.0 * score - 1;
    }

    /**
     * The score of {@code q} at each of {@code docs} (ascending global doc ids), 0 where it does
     * not match. Documents are visited in doc id order, as Lucene's iterators require.
     */
    static double[] scoresAt(IndexSearcher s, Query q, int[] docs) throws IOException {
        double[] out = new double[docs.length];
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        Weight weight = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE, 1f);
        int leafIndex = -1;
        Scorer scorer = null;
        for (int i = 0; i < docs.length; i++) {
            int li = ReaderUtil.subIndex(docs[i], leaves);
            LeafReaderContext leaf = leaves.get(li);
            if (li != leafIndex) {
                leafIndex = li;
                scorer = weight.scorer(leaf);
            }
            int local = docs[i] - leaf.docBase;
            if (scorer == null) continue;
            int at = scorer.docID() >= local ? scorer.docID() : scorer.iterator().advance(local);
            if (at == local) out[i] = scorer.score();
        }
        return out;
    }

    /** The cosine (dot product of unit vectors) of each of {@code docs} to the query; NaN without a vector. */
    /**
     * A paper the embedding backfill has not reached yet has no vector. Left missing, the fusion would
     * rank it as if its meaning were far from the query, below where keyword search puts it. Its cosine
     * is imputed instead at the same standing (z-score) among the embedded candidates as its BM25 has
     * among all candidates: its meaning is assumed to agree with its words.
     */
    static void imputeMissingMeaning(double[] keyword, double[] cos) {
        double[] known = Arrays.stream(cos).filter(c -> !Double.isNaN(c)).toArray();
        if (known.length == cos.length) return;
        double[] kw = standing(keyword);
        double[] cs = standing(known);
        double mean = cs[0], sd = cs[1];
        for (int i = 0; i < cos.length; i++) {
            if (Double.isNaN(cos[i])) cos[i] = mean + (keyword[i] - kw[0]) / kw[1] * sd;
        }
    }

    /** Mean and standard deviation (1 when there is no spread, so that a lone value keeps its place). */
    private static double[] standing(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        return new double[] {mean, var > 0 ? Math.sqrt(var) : 1};
    }

    static double[] cosines(IndexSearcher s, float[] query, int[] docs) throws IOException {
        double[] out = new double[docs.length];
        Arrays.fill(out, Double.NaN);
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int leafIndex = -1;
        FloatVectorValues vectors = null;
        KnnVectorValues.DocIndexIterator it = null;
        for (int i = 0; i < docs.length; i++) {
            int li = ReaderUtil.subIndex(docs[i], leaves);
            LeafReaderContext leaf = leaves.get(li);
            if (li != leafIndex) {
                leafIndex = li;
                vectors = leaf.reader().getFloatVectorValues(Fields.VECTOR);
                it = vectors == null ? null : vectors.iterator();
            }
            if (it == null) continue;
            int local = docs[i] - leaf.docBase;
            int at = it.docID() >= local ? it.docID() : it.advance(local);
            if (at == local) out[i] = VectorUtil.dotProduct(query, vectors.vectorValue(it.index()));
        }
        return out;
    }

    /** The distinct terms the analyzer makes of {@code words} for {@code field}, in order. */
    static List<String> analyzedTerms(Analyzer analyzer, String field, String words) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (words == null || words.isBlank()) return List.of();
        try (TokenStream ts = analyzer.tokenStream(field, words)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
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
            for (int d = docs.nextSetBit(leaf.docBase); d != DocIdSetIterator.NO_MORE_DOCS && d < leaf.docBase + max;
                    d = d + 1 >= docs.length() ? DocIdSetIterator.NO_MORE_DOCS : docs.nextSetBit(d + 1)) {
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
        public Void reduce(Collection<SimpleCollector> collectors) {
            return null;
        }
    }
}
