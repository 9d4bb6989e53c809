package org.paperboy.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.paperboy.index.EmbeddingModel;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.index.OnnxEmbedder;
import org.paperboy.store.Database;

/**
 * Recall@10 of Lucene's HNSW against exact search, float32 vs int8 scalar-quantized, with index
 * size and query time, over the vectors stored in a catalog. Queries are real query embeddings of
 * paper titles (the bge query instruction included).
 *
 * <pre>bench/search.sh recall --data /tmp/pb-bench|CATALOG.db [--queries 200]</pre>
 */
public final class VectorRecallBench {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 1 ? args[1] : "/tmp/pb-bench");
        int nq = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        EmbeddingModel model = EmbeddingModel.DEFAULT;
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Path dbFile = data.toString().endsWith(".db") ? data : data.resolve("paperboy.db");
        if (dbFile == data) data = data.getParent();
        try (Database db = Database.open("jdbc:sqlite:" + dbFile, "", "")) {
            db.jdbi().useHandle(h -> h.createQuery("SELECT e.arxiv_id, e.vector, p.title FROM paper_embeddings e JOIN papers p ON p.arxiv_id = e.arxiv_id WHERE e.model = :m")
                    .bind("m", model.id).map((rs, ctx) -> {
                        ids.add(rs.getString(1));
                        vectors.add(toFloats(rs.getBytes(2)));
                        titles.add(rs.getString(3));
                        return null;
                    }).list());
        }
        System.out.printf(Locale.ROOT, "%,d vectors of %s%n", vectors.size(), model.id);
        Random rnd = new Random(1);
        List<float[]> queries = new ArrayList<>();
        try (OnnxEmbedder e = new OnnxEmbedder(model, data.resolve("cache"), 1)) {
            for (int i = 0; i < nq; i++) queries.add(e.embedQuery(titles.get(rnd.nextInt(titles.size()))));
        }
        List<Set<Integer>> exact = new ArrayList<>();
        long t0 = System.nanoTime();
        for (float[] q : queries) exact.add(exactTop10(q, vectors));
        System.out.printf(Locale.ROOT, "exact      %.2f ms/query (brute force)%n", (System.nanoTime() - t0) / 1e6 / nq);
        for (boolean quantized : new boolean[] {false, true}) measure(quantized, vectors, queries, exact, data);
    }

    private static void measure(boolean quantized, List<float[]> vectors, List<float[]> queries, List<Set<Integer>> exact, Path data) throws Exception {
        Path dir = Files.createTempDirectory(data, "recall-");
        KnnVectorsFormat format = quantized ? new Lucene104HnswScalarQuantizedVectorsFormat(16, 100) : new Lucene99HnswVectorsFormat(16, 100);
        IndexWriterConfig c = new IndexWriterConfig();
        c.setRAMBufferSizeMB(256);
        c.setCodec(new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        });
        long t0 = System.nanoTime();
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, c)) {
            for (int i = 0; i < vectors.size(); i++) {
                Document doc = new Document();
                doc.add(new StoredField("i", i));
                doc.add(new KnnFloatVectorField("v", vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                w.addDocument(doc);
            }
            w.forceMerge(1);
        }
        double buildS = (System.nanoTime() - t0) / 1e9;
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        double recall = 0;
        long[] nanos = new long[queries.size()];
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(r);
            for (int warm = 0; warm < 2; warm++) {
                recall = 0;
                for (int qi = 0; qi < queries.size(); qi++) {
                    long t = System.nanoTime();
                    ScoreDoc[] top = s.search(new KnnFloatVectorQuery("v", queries.get(qi), 10), 10).scoreDocs;
                    nanos[qi] = System.nanoTime() - t;
                    int hit = 0;
                    for (ScoreDoc sd : top) if (exact.get(qi).contains(s.storedFields().document(sd.doc).getField("i").numericValue().intValue())) hit++;
                    recall += hit / 10.0;
                }
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-6s HNSW  recall@10 %.4f  p50 %.2f ms  p99 %.2f ms  index %.1f MB  build %.1f s%n", quantized ? "int8" : "float32",
                recall / queries.size(), nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, bytes / 1e6, buildS);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    private static Set<Integer> exactTop10(float[] q, List<float[]> vectors) {
        int[] best = new int[10];
        float[] score = new float[10];
        Arrays.fill(score, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            float dot = 0;
            for (int d = 0; d < v.length; d++) dot += q[d] * v[d];
            if (dot <= score[9]) continue;
            int j = 9;
            while (j > 0 && score[j - 1] < dot) {
                score[j] = score[j - 1];
                best[j] = best[j - 1];
                j--;
            }
            score[j] = dot;
            best[j] = i;
        }
        Set<Integer> s = new HashSet<>();
        for (int b : best) s.add(b);
        return s;
    }

    private static float[] toFloats(byte[] b) {
        float[] v = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

}
