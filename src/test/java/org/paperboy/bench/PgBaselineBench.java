package org.paperboy.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.paperboy.cli.ProgressBar;
import org.paperboy.index.BeirEval;
import org.paperboy.index.Embedder;
import org.paperboy.index.EmbeddingBackfill;
import org.paperboy.index.EmbeddingModel;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.index.Fusion;
import org.paperboy.index.IndexFollower;
import org.paperboy.index.LearnedFusion;
import org.paperboy.index.OnnxEmbedder;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.ParsedQuery;
import org.paperboy.index.QueryException;
import org.paperboy.index.SearchIndex;
import org.paperboy.index.SearchServices;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.postgresql.PGConnection;

/**
 * Paperboy's search against what a team would build instead, in one run on the same corpus, the
 * same document vectors (read from the {@code paperboy eval} cache) and the same query vectors:
 * PostgreSQL full-text search (a stored weighted {@code tsvector} with a GIN index, ranked by
 * {@code ts_rank_cd}), pgvector HNSW (cosine, {@code hnsw.ef_search = 100}), and reciprocal rank
 * fusion (k = 60) of their top-100 lists in one SQL statement. Reports SciFact nDCG@10 (BEIR's
 * metric code from {@link BeirEval}) and single-client p50/p99 latency of a 10-result page.
 *
 * <p>Query embedding is measured on its own and left out of every latency figure: each query is
 * embedded once by the project's {@link OnnxEmbedder}, and both systems get that vector.
 * Paperboy runs in-process; PostgreSQL is reached over JDBC on 127.0.0.1, as an application
 * would reach it.
 *
 * <pre>bench/pg-baseline.sh [BEIR_DIR] [--cache DIR] [--model ID] [--passes 3]
 * bench/pg-baseline.sh --catalog DATA_DIR_COPY [--queries 300] [--passes 3]     latency only, e.g. a copy of the arxiv-daily bench catalog</pre>
 */
public final class PgBaselineBench {

    record Options(Path dir, Path cache, String model, String jdbc, Path catalog, int queries, int passes) {}

    /** One search system: query text and its vector in, ranked doc ids out. */
    interface System {
        List<Fusion.Scored<String>> search(String text, float[] vector, int limit) throws SQLException;
    }

    record Row(String name, double ndcg, double p50, double p99) {}

    static final int PAGE = 10;
    static final int DEPTH = 100;
    static final int EF_SEARCH = 100;
    static final int WARM_UP = 100;

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (o.catalog() != null) {
            catalogLatency(o);
            return;
        }
        try (BeirEval eval = new BeirEval(o.dir(), o.cache());
             OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModel.byId(o.model()).orElseThrow(
                     () -> new IllegalArgumentException("unknown model " + o.model())), o.cache().resolve("native"), 1)) {
            try (ProgressBar bar = new ProgressBar("corpus", 0)) {
                eval.loadCorpus(bar::step);
            }
            EmbeddingBackfill backfill = new EmbeddingBackfill(eval.embeddings(), embedder, 2);
            try (backfill; ProgressBar bar = new ProgressBar("embed " + o.model(), backfill.missing())) {
                backfill.runFrom(0, bar::step);
            }
            List<BeirEval.Query> queries = eval.queries();
            Map<String, Map<String, Integer>> qrels = eval.qrels();
            Map<String, float[]> queryVectors = embedQueries(embedder, queries);
            try (SearchIndex index = eval.index(o.model(), false);
                 Connection pg = DriverManager.getConnection(o.jdbc())) {
                IndexFollower follower = new IndexFollower(index, eval.papers(), eval.embeddings());
                try (ProgressBar bar = new ProgressBar("index", follower.behind())) {
                    follower.catchUp(bar::step);
                }
                index.optimize();
                loadPostgres(pg, o.cache().resolve("catalog.db"), o.model(), embedder.dimensions());
                PaperSearch paperboy = new PaperSearch(index, new FixedQueryVectors(embedder, queryVectors));
                compare(paperboy, pg, queries, queryVectors, qrels, o.passes());
            }
        }
    }

    /**
     * Latency only (no judgements) on a Paperboy data directory such as the arxiv-daily bench
     * catalog: its paperboy.db vectors go to PostgreSQL, its index serves Paperboy (in the
     * production configuration, {@link SearchServices#QUANTIZED_VECTORS}). Queries are 2 to 4
     * consecutive words of random real titles. Use a copy: the index is brought up to date.
     */
    private static void catalogLatency(Options o) throws Exception {
        Path dbFile = o.catalog().resolve("paperboy.db");
        if (!Files.isRegularFile(dbFile)) throw new IllegalArgumentException(dbFile + " not found");
        try (Database db = Database.open("jdbc:sqlite:" + dbFile, "", "");
             OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModel.byId(o.model()).orElseThrow(), o.catalog().resolve("cache/native"), 1);
             SearchIndex index = new SearchIndex(o.catalog().resolve("index"), o.model(), SearchServices.QUANTIZED_VECTORS);
             Connection pg = DriverManager.getConnection(o.jdbc())) {
            IndexFollower follower = new IndexFollower(index, new PaperRepository(db), new EmbeddingStore(db));
            try (ProgressBar bar = new ProgressBar("index", follower.behind())) {
                follower.catchUp(bar::step);
            }
            index.optimize();
            List<BeirEval.Query> queries = titleQueries(dbFile, o.queries());
            Map<String, float[]> queryVectors = embedQueries(embedder, queries);
            loadPostgres(pg, dbFile, o.model(), embedder.dimensions());
            compare(new PaperSearch(index, new FixedQueryVectors(embedder, queryVectors)), pg, queries, queryVectors, null, o.passes());
        }
    }

    private static List<BeirEval.Query> titleQueries(Path dbFile, int n) throws SQLException {
        List<String> titles = new ArrayList<>();
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:file:" + dbFile + "?mode=ro");
             Statement s = lite.createStatement(); ResultSet rs = s.executeQuery("SELECT title FROM papers ORDER BY arxiv_id")) {
            while (rs.next()) titles.add(rs.getString(1));
        }
        Random rnd = new Random(7);
        Collections.shuffle(titles, rnd);
        List<String> out = new ArrayList<>();
        for (String t : titles) {
            String[] w = Arrays.stream(t.split("[^A-Za-z0-9-]+")).filter(x -> x.length() > 3).toArray(String[]::new);
            if (w.length < 2) continue;
            int len = Math.min(w.length, 2 + rnd.nextInt(3));
            int start = rnd.nextInt(w.length - len + 1);
            String q = String.join(" ", Arrays.copyOfRange(w, start, start + len)).toLowerCase(Locale.ROOT);
            if (!out.contains(q)) out.add(q);
            if (out.size() == n) break;
        }
        List<BeirEval.Query> queries = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) queries.add(new BeirEval.Query("q" + i, out.get(i)));
        return queries;
    }

    private static void compare(PaperSearch paperboy, Connection pg, List<BeirEval.Query> queries, Map<String, float[]> vectors,
                                Map<String, Map<String, Integer>> qrels, int passes) throws SQLException {
        Map<String, System> systems = new LinkedHashMap<>();
        for (PaperSearch.Mode m : PaperSearch.Mode.values()) systems.put("paperboy " + m.name().toLowerCase(Locale.ROOT), paperboy(paperboy, m));
        systems.putAll(postgres(pg));
        List<Row> rows = new ArrayList<>();
        for (var e : systems.entrySet()) rows.add(measure(e.getKey(), e.getValue(), queries, vectors, qrels, passes));
        print(rows, queries.size(), passes);
    }

    // ---------------------------------------------------------------- PostgreSQL

    private static void loadPostgres(Connection pg, Path catalog, String model, int dims) throws SQLException, IOException {
        long t0 = java.lang.System.nanoTime();
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS vector");
            s.execute("DROP TABLE IF EXISTS pb_docs");
            s.execute("""
                    CREATE TABLE pb_docs (
                        id        text PRIMARY KEY,
                        title     text NOT NULL,
                        abstract  text NOT NULL,
                        tsv       tsvector GENERATED ALWAYS AS (
                                      setweight(to_tsvector('english', title), 'A') ||
                                      setweight(to_tsvector('english', abstract), 'B')) STORED,
                        embedding vector(%d) NOT NULL)""".formatted(dims));
        }
        StringBuilder copy = new StringBuilder();
        var copyApi = pg.unwrap(PGConnection.class).getCopyAPI();
        String copySql = "COPY pb_docs (id, title, abstract, embedding) FROM STDIN";
        int n = 0;
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:file:" + catalog + "?mode=ro");
             PreparedStatement q = lite.prepareStatement("""
                     SELECT p.arxiv_id, p.title, p.abstract, e.vector FROM papers p
                     JOIN paper_embeddings e ON e.arxiv_id = p.arxiv_id AND e.model = ?""")) {
            q.setString(1, model);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    copy.append(tsv(rs.getString(1))).append('\t').append(tsv(rs.getString(2))).append('\t')
                            .append(tsv(rs.getString(3))).append('\t').append(literal(floats(rs.getBytes(4)))).append('\n');
                    if (++n % 5000 == 0) {
                        copyApi.copyIn(copySql, new StringReader(copy.toString()));
                        copy.setLength(0);
                    }
                }
            }
        }
        copyApi.copyIn(copySql, new StringReader(copy.toString()));
        long loaded = java.lang.System.nanoTime();
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE INDEX pb_docs_tsv ON pb_docs USING gin (tsv)");
            long gin = java.lang.System.nanoTime();
            s.execute("CREATE INDEX pb_docs_hnsw ON pb_docs USING hnsw (embedding vector_cosine_ops)");
            long hnsw = java.lang.System.nanoTime();
            s.execute("VACUUM ANALYZE pb_docs");
            s.execute("SET hnsw.ef_search = " + EF_SEARCH);
            try (ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_relation_size('pb_docs_tsv')), pg_size_pretty(pg_relation_size('pb_docs_hnsw')), version()")) {
                rs.next();
                java.lang.System.out.printf(Locale.ROOT, "postgres: %,d docs copied in %.1f s; GIN index %.1f s (%s), HNSW index %.1f s (%s)%n  %s%n",
                        n, (loaded - t0) / 1e9, (gin - loaded) / 1e9, rs.getString(1), (hnsw - gin) / 1e9, rs.getString(2), rs.getString(3));
            }
        }
    }

    /** plainto_tsquery's lexemes ORed: natural-language queries rarely have every word in one abstract. */
    private static final String OR_QUERY = "(SELECT replace(plainto_tsquery('english', ?)::text, '&', '|')::tsquery) AS t(q)";

    /**
     * The PostgreSQL systems. {@code websearch_to_tsquery} ANDs the words, as a search box would;
     * natural-language queries then match few documents, so the same lexemes ORed are measured too,
     * ranked by {@code ts_rank_cd} (cover density) and by {@code ts_rank} (term frequency), and
     * each is fused with pgvector.
     */
    private static Map<String, System> postgres(Connection pg) throws SQLException {
        Map<String, System> m = new LinkedHashMap<>();
        m.put("pg fts (and)", fullText(pg, "websearch_to_tsquery('english', ?) AS t(q)", "ts_rank_cd"));
        m.put("pg fts (or)", fullText(pg, OR_QUERY, "ts_rank_cd"));
        m.put("pg fts (or,rank)", fullText(pg, OR_QUERY, "ts_rank"));
        PreparedStatement vec = pg.prepareStatement("SELECT id, 1 - (embedding <=> ?::vector) AS s FROM pb_docs ORDER BY embedding <=> ?::vector LIMIT ?");
        m.put("pgvector hnsw", (text, v, limit) -> {
            String lit = literal(v);
            vec.setString(1, lit);
            vec.setString(2, lit);
            vec.setInt(3, limit);
            return ranked(vec);
        });
        m.put("pg hybrid (rrf)", hybrid(pg, "ts_rank_cd"));
        m.put("pg hybrid (rrf,rank)", hybrid(pg, "ts_rank"));
        return m;
    }

    private static System fullText(Connection pg, String tsquery, String rankFunction) throws SQLException {
        PreparedStatement st = pg.prepareStatement("""
                SELECT id, %s(tsv, q) AS s FROM pb_docs, %s
                WHERE tsv @@ q ORDER BY s DESC LIMIT ?""".formatted(rankFunction, tsquery));
        return (text, v, limit) -> {
            st.setString(1, text);
            st.setInt(2, limit);
            return ranked(st);
        };
    }

    /** Reciprocal rank fusion of the ORed full-text and the HNSW top-100 lists, in one statement. */
    private static System hybrid(Connection pg, String rankFunction) throws SQLException {
        PreparedStatement st = pg.prepareStatement("""
                WITH fts AS (
                    SELECT id, row_number() OVER (ORDER BY s DESC) AS r FROM (
                        SELECT id, %s(tsv, q) AS s FROM pb_docs, %s
                        WHERE tsv @@ q ORDER BY s DESC LIMIT %d) f),
                vec AS (
                    SELECT id, row_number() OVER (ORDER BY d) AS r FROM (
                        SELECT id, embedding <=> ?::vector AS d FROM pb_docs ORDER BY embedding <=> ?::vector LIMIT %d) v)
                SELECT coalesce(fts.id, vec.id) AS id,
                       coalesce(1.0 / (%d + fts.r), 0) + coalesce(1.0 / (%d + vec.r), 0) AS s
                FROM fts FULL JOIN vec ON fts.id = vec.id ORDER BY s DESC LIMIT ?"""
                .formatted(rankFunction, OR_QUERY, DEPTH, DEPTH, Fusion.RRF_K, Fusion.RRF_K));
        return (text, v, limit) -> {
            String lit = literal(v);
            st.setString(1, text);
            st.setString(2, lit);
            st.setString(3, lit);
            st.setInt(4, limit);
            return ranked(st);
        };
    }

    private static List<Fusion.Scored<String>> ranked(PreparedStatement st) throws SQLException {
        List<Fusion.Scored<String>> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) out.add(new Fusion.Scored<>(rs.getString(1), rs.getDouble(2)));
        }
        return out;
    }

    /** pgvector's text form, {@code [x,y,...]}. */
    static String literal(float[] v) {
        StringBuilder s = new StringBuilder(v.length * 12).append('[');
        for (int i = 0; i < v.length; i++) s.append(i == 0 ? "" : ",").append(v[i]);
        return s.append(']').toString();
    }

    /** A value for COPY's text format. */
    private static String tsv(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** paper_embeddings.vector: float32 little-endian, as EmbeddingStore writes it. */
    private static float[] floats(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    // ---------------------------------------------------------------- Paperboy

    private static System paperboy(PaperSearch search, PaperSearch.Mode mode) {
        return (text, v, limit) -> {
            List<Fusion.Scored<String>> out = new ArrayList<>();
            try {
                var r = search.search(new PaperSearch.Request(ParsedQuery.text(text), mode, PaperSearch.Order.RELEVANCE, 0, limit, false));
                r.hits().forEach(h -> out.add(new Fusion.Scored<>(h.id(), h.score())));
            } catch (QueryException e) {
                // an all-stopword query finds nothing, as in BeirEval
            }
            return out;
        };
    }

    /** Hands PaperSearch the query vectors computed up front, so its latency leaves embedding out as PostgreSQL's does. */
    private record FixedQueryVectors(Embedder source, Map<String, float[]> vectors) implements Embedder {
        @Override
        public String model() {
            return source.model();
        }

        @Override
        public int dimensions() {
            return source.dimensions();
        }

        @Override
        public float[] embedQuery(String query) {
            float[] v = vectors.get(query.strip());
            if (v == null) throw new IllegalStateException("no precomputed vector for query: " + query);
            return v;
        }

        /** Precomputed as the model's fusion embeds its queries (with or without the instruction). */
        @Override
        public float[] embedQuery(String query, boolean instruction) {
            return embedQuery(query);
        }

        @Override
        public float[] embedDocument(String text) {
            throw new UnsupportedOperationException("documents are embedded before the bench");
        }
    }

    private static Map<String, float[]> embedQueries(Embedder embedder, List<BeirEval.Query> queries) {
        boolean instruction = LearnedFusion.forModelOrHandBuilt(embedder.model()).queryInstruction();
        for (int i = 0; i < Math.min(20, queries.size()); i++) embedder.embedQuery(queries.get(i).text().strip(), instruction);
        Map<String, float[]> out = new LinkedHashMap<>();
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            String text = queries.get(i).text().strip();
            long t = java.lang.System.nanoTime();
            out.put(text, embedder.embedQuery(text, instruction));
            nanos[i] = java.lang.System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        java.lang.System.out.printf(Locale.ROOT, "query embedding (%s, 1 thread, not in the latencies below): p50 %.2f ms  p99 %.2f ms%n",
                embedder.model(), pct(nanos, 50), pct(nanos, 99));
        return out;
    }

    // ---------------------------------------------------------------- measuring

    /**
     * nDCG@10 from the top 100 (when there are judgements); then a warm-up on the first queries and
     * timed passes of 10-result pages, whose latencies are pooled so that p99 rests on more samples.
     */
    private static Row measure(String name, System system, List<BeirEval.Query> queries, Map<String, float[]> vectors,
                               Map<String, Map<String, Integer>> qrels, int passes) throws SQLException {
        double ndcg = Double.NaN;
        if (qrels != null) {
            Map<String, List<Fusion.Scored<String>>> runs = new LinkedHashMap<>();
            for (BeirEval.Query q : queries) {
                String text = q.text().strip();
                runs.put(q.id(), system.search(text, vectors.get(text), DEPTH));
            }
            ndcg = BeirEval.score(runs, qrels).ndcg10();
        }
        for (BeirEval.Query q : queries.subList(0, Math.min(WARM_UP, queries.size()))) system.search(q.text().strip(), vectors.get(q.text().strip()), PAGE);
        java.lang.System.gc();
        long[] nanos = new long[queries.size() * passes];
        for (int pass = 0, k = 0; pass < passes; pass++) {
            for (BeirEval.Query q : queries) {
                String text = q.text().strip();
                long t = java.lang.System.nanoTime();
                system.search(text, vectors.get(text), PAGE);
                nanos[k++] = java.lang.System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        Row row = new Row(name, ndcg, pct(nanos, 50), pct(nanos, 99));
        java.lang.System.out.printf(Locale.ROOT, "  %-20s nDCG@10 %6s  p50 %7.2f ms  p99 %7.2f ms%n", name, ndcg(row.ndcg()), row.p50(), row.p99());
        return row;
    }

    private static void print(List<Row> rows, int queries, int passes) {
        Map<String, Row> by = new LinkedHashMap<>();
        rows.forEach(r -> by.put(r.name(), r));
        java.lang.System.out.printf(Locale.ROOT, "%nSide by side (%d queries x %d timed passes, 1 client, %d-result pages, query embedding excluded on both sides)%n", queries, passes, PAGE);
        java.lang.System.out.printf(Locale.ROOT, "%-9s | %-17s %8s %8s %8s | %-20s %8s %8s %8s | %9s %9s %9s%n",
                "mode", "paperboy", "nDCG@10", "p50 ms", "p99 ms", "postgres", "nDCG@10", "p50 ms", "p99 ms", "nDCG PB/PG", "p50 PG/PB", "p99 PG/PB");
        String[][] pairs = {{"keyword", "paperboy keyword", "pg fts (and)"}, {"keyword", "paperboy keyword", "pg fts (or)"},
                {"keyword", "paperboy keyword", "pg fts (or,rank)"},
                {"semantic", "paperboy semantic", "pgvector hnsw"}, {"hybrid", "paperboy hybrid", "pg hybrid (rrf)"},
                {"hybrid", "paperboy hybrid", "pg hybrid (rrf,rank)"}};
        for (String[] p : pairs) {
            Row a = by.get(p[1]), b = by.get(p[2]);
            java.lang.System.out.printf(Locale.ROOT, "%-9s | %-17s %8s %8.2f %8.2f | %-20s %8s %8.2f %8.2f | %10s %8.2fx %8.2fx%n",
                    p[0], a.name(), ndcg(a.ndcg()), a.p50(), a.p99(), b.name(), ndcg(b.ndcg()), b.p50(), b.p99(),
                    Double.isNaN(a.ndcg()) ? "-" : String.format(Locale.ROOT, "%.2fx", a.ndcg() / b.ndcg()), b.p50() / a.p50(), b.p99() / a.p99());
        }
    }

    private static String ndcg(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static Options parse(String[] args) {
        Path dir = Path.of("../shared/data/scifact");
        Path cache = null;
        String model = EmbeddingModel.DEFAULT.id;
        String jdbc = "jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres";
        Path catalog = null;
        int queries = 300;
        int passes = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[++i]);
                case "--model" -> model = args[++i];
                case "--jdbc" -> jdbc = args[++i];
                case "--catalog" -> catalog = Path.of(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> {
                    if (args[i].startsWith("--")) throw new IllegalArgumentException("unknown option " + args[i]);
                    dir = Path.of(args[i]);
                }
            }
        }
        if (cache == null) {
            String data = java.lang.System.getenv().getOrDefault("PAPERBOY_DATA", "data");
            cache = Path.of(data, "cache/eval", dir.toAbsolutePath().normalize().getFileName().toString());
        }
        try {
            Files.createDirectories(cache);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create " + cache, e);
        }
        return new Options(dir, cache, model, jdbc, catalog, queries, passes);
    }
}
