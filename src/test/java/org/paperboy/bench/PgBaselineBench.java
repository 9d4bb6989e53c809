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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.cli.ProgressBar;
import org.paperboy.index.BeirEval;
import org.paperboy.index.Embedder;
import org.paperboy.index.EmbeddingBackfill;
import org.paperboy.index.EmbeddingModel;
import org.paperboy.index.Fusion;
import org.paperboy.index.IndexFollower;
import org.paperboy.index.OnnxEmbedder;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.ParsedQuery;
import org.paperboy.index.QueryException;
import org.paperboy.index.SearchIndex;
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
 * <pre>bench/pg-baseline.sh [BEIR_DIR] [--cache DIR] [--model ID]</pre>
 */
public final class PgBaselineBench {

    record Options(Path dir, Path cache, String model, String jdbc) {}

    /** One search system: query text and its vector in, ranked doc ids out. */
    interface System {
        List<Fusion.Scored<String>> search(String text, float[] vector, int limit) throws SQLException;
    }

    record Row(String name, double ndcg, double p50, double p99) {}

    static final int PAGE = 10;
    static final int DEPTH = 100;
    static final int EF_SEARCH = 100;

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
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
                Map<String, System> systems = new LinkedHashMap<>();
                for (PaperSearch.Mode m : PaperSearch.Mode.values()) systems.put("paperboy " + m.name().toLowerCase(Locale.ROOT), paperboy(paperboy, m));
                systems.putAll(postgres(pg));
                List<Row> rows = new ArrayList<>();
                for (var e : systems.entrySet()) rows.add(measure(e.getKey(), e.getValue(), queries, queryVectors, qrels));
                print(rows, queries.size());
            }
        }
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
                    n++;
                }
            }
        }
        pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY pb_docs (id, title, abstract, embedding) FROM STDIN", new StringReader(copy.toString()));
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

    /**
     * The PostgreSQL systems. {@code websearch_to_tsquery} ANDs the words, as a search box would;
     * natural-language queries then match few documents, so the "or" variant (the same lexemes ORed)
     * is also measured and is the one the hybrid fuses.
     */
    private static Map<String, System> postgres(Connection pg) throws SQLException {
        String orQuery = "(SELECT replace(plainto_tsquery('english', ?)::text, '&', '|')::tsquery) AS t(q)";
        PreparedStatement and = pg.prepareStatement("""
                SELECT id, ts_rank_cd(tsv, q) AS s FROM pb_docs, websearch_to_tsquery('english', ?) q
                WHERE tsv @@ q ORDER BY s DESC LIMIT ?""");
        PreparedStatement or = pg.prepareStatement("""
                SELECT id, ts_rank_cd(tsv, q) AS s FROM pb_docs, %s
                WHERE tsv @@ q ORDER BY s DESC LIMIT ?""".formatted(orQuery));
        PreparedStatement vec = pg.prepareStatement("SELECT id, 1 - (embedding <=> ?::vector) AS s FROM pb_docs ORDER BY embedding <=> ?::vector LIMIT ?");
        PreparedStatement hybrid = pg.prepareStatement("""
                WITH fts AS (
                    SELECT id, row_number() OVER (ORDER BY s DESC) AS r FROM (
                        SELECT id, ts_rank_cd(tsv, q) AS s FROM pb_docs, %s
                        WHERE tsv @@ q ORDER BY s DESC LIMIT %d) f),
                vec AS (
                    SELECT id, row_number() OVER (ORDER BY d) AS r FROM (
                        SELECT id, embedding <=> ?::vector AS d FROM pb_docs ORDER BY embedding <=> ?::vector LIMIT %d) v)
                SELECT coalesce(fts.id, vec.id) AS id,
                       coalesce(1.0 / (%d + fts.r), 0) + coalesce(1.0 / (%d + vec.r), 0) AS s
                FROM fts FULL JOIN vec ON fts.id = vec.id ORDER BY s DESC LIMIT ?"""
                .formatted(orQuery, DEPTH, DEPTH, Fusion.RRF_K, Fusion.RRF_K));
        Map<String, System> m = new LinkedHashMap<>();
        m.put("pg fts (and)", (text, v, limit) -> {
            and.setString(1, text);
            and.setInt(2, limit);
            return ranked(and);
        });
        m.put("pg fts (or)", (text, v, limit) -> {
            or.setString(1, text);
            or.setInt(2, limit);
            return ranked(or);
        });
        m.put("pgvector hnsw", (text, v, limit) -> {
            String lit = literal(v);
            vec.setString(1, lit);
            vec.setString(2, lit);
            vec.setInt(3, limit);
            return ranked(vec);
        });
        m.put("pg hybrid (rrf)", (text, v, limit) -> {
            String lit = literal(v);
            hybrid.setString(1, text);
            hybrid.setString(2, lit);
            hybrid.setString(3, lit);
            hybrid.setInt(4, limit);
            return ranked(hybrid);
        });
        return m;
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

        @Override
        public float[] embedDocument(String text) {
            throw new UnsupportedOperationException("documents are embedded before the bench");
        }
    }

    private static Map<String, float[]> embedQueries(Embedder embedder, List<BeirEval.Query> queries) {
        for (int i = 0; i < Math.min(20, queries.size()); i++) embedder.embedQuery(queries.get(i).text().strip());
        Map<String, float[]> out = new LinkedHashMap<>();
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            String text = queries.get(i).text().strip();
            long t = java.lang.System.nanoTime();
            out.put(text, embedder.embedQuery(text));
            nanos[i] = java.lang.System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        java.lang.System.out.printf(Locale.ROOT, "query embedding (%s, 1 thread, not in the latencies below): p50 %.2f ms  p99 %.2f ms%n",
                embedder.model(), pct(nanos, 50), pct(nanos, 99));
        return out;
    }

    // ---------------------------------------------------------------- measuring

    /** nDCG@10 from the top 100; then a warm-up pass and a timed pass of 10-result pages. */
    private static Row measure(String name, System system, List<BeirEval.Query> queries, Map<String, float[]> vectors,
                               Map<String, Map<String, Integer>> qrels) throws SQLException {
        Map<String, List<Fusion.Scored<String>>> runs = new LinkedHashMap<>();
        for (BeirEval.Query q : queries) {
            String text = q.text().strip();
            runs.put(q.id(), system.search(text, vectors.get(text), DEPTH));
        }
        double ndcg = BeirEval.score(runs, qrels).ndcg10();
        for (BeirEval.Query q : queries) system.search(q.text().strip(), vectors.get(q.text().strip()), PAGE);
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            String text = queries.get(i).text().strip();
            long t = java.lang.System.nanoTime();
            system.search(text, vectors.get(text), PAGE);
            nanos[i] = java.lang.System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        Row row = new Row(name, ndcg, pct(nanos, 50), pct(nanos, 99));
        java.lang.System.out.printf(Locale.ROOT, "  %-16s nDCG@10 %.4f  p50 %7.2f ms  p99 %7.2f ms%n", name, row.ndcg(), row.p50(), row.p99());
        return row;
    }

    private static void print(List<Row> rows, int queries) {
        Map<String, Row> by = new LinkedHashMap<>();
        rows.forEach(r -> by.put(r.name(), r));
        java.lang.System.out.printf(Locale.ROOT, "%nSide by side (%d queries, 1 client, %d-result pages, query embedding excluded on both sides)%n", queries, PAGE);
        java.lang.System.out.printf(Locale.ROOT, "%-9s | %-16s %8s %8s %8s | %-16s %8s %8s %8s | %9s %9s %9s%n",
                "mode", "paperboy", "nDCG@10", "p50 ms", "p99 ms", "postgres", "nDCG@10", "p50 ms", "p99 ms", "nDCG PB/PG", "p50 PG/PB", "p99 PG/PB");
        String[][] pairs = {{"keyword", "paperboy keyword", "pg fts (and)"}, {"keyword", "paperboy keyword", "pg fts (or)"},
                {"semantic", "paperboy semantic", "pgvector hnsw"}, {"hybrid", "paperboy hybrid", "pg hybrid (rrf)"}};
        for (String[] p : pairs) {
            Row a = by.get(p[1]), b = by.get(p[2]);
            java.lang.System.out.printf(Locale.ROOT, "%-9s | %-16s %8.4f %8.2f %8.2f | %-16s %8.4f %8.2f %8.2f | %9.2fx %8.2fx %8.2fx%n",
                    p[0], a.name(), a.ndcg(), a.p50(), a.p99(), b.name(), b.ndcg(), b.p50(), b.p99(),
                    a.ndcg() / b.ndcg(), b.p50() / a.p50(), b.p99() / a.p99());
        }
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[++i]);
                case "--model" -> model = args[++i];
                case "--jdbc" -> jdbc = args[++i];
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
        return new Options(dir, cache, model, jdbc);
    }
}
