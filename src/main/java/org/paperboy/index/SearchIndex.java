package org.paperboy.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index under {@code <data>/index}: derived from the database and rebuildable. Its
 * commit records the schema, the embedding model and the change sequences applied, so that a
 * restart resumes following the database where it stopped, and a missing, corrupt or older index
 * is recreated empty (the follower then refills it from the database).
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    /**
     * Bump when fields, analysis or what is indexed change: older indexes are then rebuilt on start.
     * 2: papers hidden by a moderator are left out. 3: no upvotes field (nothing read it, and votes made it stale).
     * 4: each paper's content hash is stored.
     */
    static final String SCHEMA = "4";
    /** Anserini's BM25 settings for BEIR, which also do best on SciFact among the few we tried. */
    static final float BM25_K1 = 0.9f;
    static final float BM25_B = 0.4f;
    static final int HNSW_MAX_CONN = 16;
    static final int HNSW_BEAM_WIDTH = 100;
    /**
     * Lucene builds a segment's HNSW graph in the thread that adds the documents, so a rebuild on
     * one thread kept one core busy: a batch this large is written by every core (one Lucene
     * segment per thread), a follower's few changes by the caller alone.
     */
    static final int PARALLEL_PUT_MIN = 256;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static final String KEY_SCHEMA = "schema";
    private static final String KEY_MODEL = "model";
    private static final String KEY_PAPER_SEQ = "paperSeq";
    private static final String KEY_EMBEDDING_SEQ = "embeddingSeq";
    private static final String KEY_CATALOG = "catalog";

    private final Path dir;
    private final String model;
    private final Directory directory;
    private final boolean quantized;
    private final SearcherFactory factory = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            IndexSearcher s = new IndexSearcher(reader);
            s.setSimilarity(similarity());
            return s;
        }
    };
    // both replaced by reopen() after the writer died (a full disk): see failure()
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private final Analyzer analyzer = analyzer();
    /** Merges of HNSW graphs (a rebuild's, the final merge into one segment) use every core. */
    private final ExecutorService graphMerges = Executors.newFixedThreadPool(CORES, Thread.ofPlatform().name("index-graph-merge-", 0).daemon().factory());
    private final boolean rebuilt;
    private final boolean readOnly;
    private volatile long paperSeq;
    private volatile long embeddingSeq;
    private volatile String catalogId;

    /**
     * @param model     the embedding model whose vectors the index holds ("" when none)
     * @param quantized store HNSW vectors as int8 (the float32 ones are kept for exact rescoring)
     */
    public SearchIndex(Path dir, String model, boolean quantized) {
        this(dir, model, quantized, d -> d);
    }

    /** @param wrap wraps the index's directory (a test injects disk errors with a FilterDirectory) */
    SearchIndex(Path dir, String model, boolean quantized, UnaryOperator<Directory> wrap) {
        this.dir = dir;
        this.model = model;
        this.quantized = quantized;
        try {
            Files.createDirectories(dir);
            this.directory = wrap.apply(FSDirectory.open(dir));
            this.readOnly = lockedByAnotherProcess(directory);
            String reason = readOnly ? null : staleReason(dir, model);
            if (reason != null) {
                LOG.info("search index {} ({}): rebuilding it from the database", reason, dir);
                wipe(dir);
            }
            this.rebuilt = reason != null;
            if (readOnly) LOG.info("search index {} is being written by another Paperboy process (serve); searching it read-only", dir);
            if (readOnly) {
                readCursors(commitData(directory));
                this.searchers = new SearcherManager(directory, factory);
            } else {
                openWriter();
            }
            if (rebuilt) commit(0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A running serve holds the write lock; a second process must neither write nor rebuild. */
    private static boolean lockedByAnotherProcess(Directory d) {
        try (Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (LockObtainFailedException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A writer on the last commit, its cursors, and searchers on it. */
    private void openWriter() throws IOException {
        IndexWriter w = new IndexWriter(directory, config(quantized));
        readCursors(w.getLiveCommitData() == null ? Map.of() : toMap(w.getLiveCommitData()));
        writer = w;
        searchers = new SearcherManager(w, factory);
    }

    private void readCursors(Map<String, String> data) {
        this.paperSeq = Long.parseLong(data.getOrDefault(KEY_PAPER_SEQ, "0"));
        this.embeddingSeq = Long.parseLong(data.getOrDefault(KEY_EMBEDDING_SEQ, "0"));
        this.catalogId = data.getOrDefault(KEY_CATALOG, "");
    }

    /**
     * Why the index cannot take writes any more, or null when it can. Lucene closes a writer for good
     * after an I/O error it cannot undo (a full disk while flushing): it then needs {@link #reopen()}.
     */
    public String failure() {
        IndexWriter w = writer;
        if (w == null || w.isOpen() && w.getTragicException() == null) return null;
        Throwable t = w.getTragicException();
        return "search index writer stopped: " + (t == null ? "closed" : t.getMessage());
    }

    /**
     * After a failure: drops what was not committed and opens a new writer on the last commit, whose
     * cursors say where following the database resumes (the commit on disk is whole: Lucene writes a
     * new one beside the old and switches only when it is complete).
     */
    public synchronized void reopen() {
        requireWritable();
        IndexWriter old = writer;
        SearcherManager oldSearchers = searchers;
        try {
            old.rollback();
        } catch (IOException | RuntimeException e) {
            LOG.debug("rolling back the failed index writer: {}", e.toString());
        }
        try {
            openWriter();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the search index at " + dir + ": " + e.getMessage(), e);
        }
        try {
            oldSearchers.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the old searchers: {}", e.toString());
        }
        LOG.info("search index {} reopened at change {} ({} papers)", dir, paperSeq, size());
    }

    private static Map<String, String> commitData(Directory d) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(d)) {
            return r.getIndexCommit().getUserData();
        }
    }

    /** True when another process (serve) owns the index: searches work, writes are refused. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Why the index on disk cannot be used, or null when it can. */
    private static String staleReason(Path dir, String model) {
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return "missing";
            try (DirectoryReader r = DirectoryReader.open(d)) {
                Map<String, String> data = r.getIndexCommit().getUserData();
                if (!SCHEMA.equals(data.get(KEY_SCHEMA))) return "has an older schema";
                if (!model.equals(data.getOrDefault(KEY_MODEL, ""))) return "holds vectors of another model";
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return "is unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static void wipe(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) Files.delete(p);
            }
        }
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> m = new HashMap<>();
        entries.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private IndexWriterConfig config(boolean quantized) {
        IndexWriterConfig c = new IndexWriterConfig(analyzer);
        c.setSimilarity(similarity());
        c.setRAMBufferSizeMB(64);
        c.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        KnnVectorsFormat vectors = quantized
                ? new Lucene104HnswScalarQuantizedVectorsFormat(HNSW_MAX_CONN, HNSW_BEAM_WIDTH)
                : new Lucene99HnswVectorsFormat(HNSW_MAX_CONN, HNSW_BEAM_WIDTH, CORES, CORES > 1 ? graphMerges : null);
        // the per-field format name is written into the segment, so the default codec reads it back
        c.setCodec(new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        });
        return c;
    }

    static Similarity similarity() {
        return new BM25Similarity(BM25_K1, BM25_B);
    }

    /** English analysis with Porter stemming and stopwords for text; names keep their form. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
                Map.of(Fields.AUTHORS, new StandardAnalyzer(CharArraySet.EMPTY_SET)));
    }

    public Analyzer queryAnalyzer() {
        return analyzer;
    }

    /** True when this start found no usable index, so the follower refills it from the start. */
    public boolean rebuilt() {
        return rebuilt;
    }

    public String model() {
        return model;
    }

    public long paperSeq() {
        return paperSeq;
    }

    public long embeddingSeq() {
        return embeddingSeq;
    }

    /** Adds or replaces each paper (one document per base id, so a new version replaces the old). */
    public void put(List<Paper> papers, Map<String, float[]> vectors) {
        put(papers, vectors, Map.of());
    }

    /** @param contentHashes by base id, stored so that a follower can skip a paper whose content did not change */
    public void put(List<Paper> papers, Map<String, float[]> vectors, Map<String, String> contentHashes) {
        requireWritable();
        Stream<Paper> each = papers.size() >= PARALLEL_PUT_MIN && distinctIds(papers) ? papers.parallelStream() : papers.stream();
        each.forEach(p -> {
            Document d = document(p, vectors.get(p.id().base()));
            String hash = contentHashes.get(p.id().base());
            if (hash != null) d.add(new StoredField(Fields.HASH, hash));
            try {
                writer.updateDocument(new Term(Fields.ID, p.id().base()), d);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the search index: " + e.getMessage(), e);
            }
        });
    }

    /** Two versions of one paper in a batch are written in order, so the later one wins. */
    private static boolean distinctIds(List<Paper> papers) {
        return papers.stream().map(p -> p.id().base()).distinct().count() == papers.size();
    }

    /** The content hash each of these papers was indexed with, as far as searches see (absent: not indexed). */
    public Map<String, String> indexedHashes(Collection<String> baseIds) {
        IndexSearcher s = acquire();
        try {
            Map<String, String> m = new HashMap<>();
            StoredFields stored = s.storedFields();
            for (String id : baseIds) {
                ScoreDoc[] hit = s.search(new TermQuery(new Term(Fields.ID, id)), 1).scoreDocs;
                if (hit.length == 0) continue;
                String hash = stored.document(hit[0].doc, Set.of(Fields.HASH)).get(Fields.HASH);
                if (hash != null) m.put(id, hash);
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

    /** The database this index follows ("" until it follows one). */
    public String catalogId() {
        return catalogId;
    }

    /**
     * Empties the index and its cursors and makes it follow {@code catalog}, so that the next
     * catch-up refills it from that database.
     */
    public void restartFrom(String catalog) {
        requireWritable();
        catalogId = catalog;
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index: " + e.getMessage(), e);
        }
        commit(0, 0);
        refresh();
    }

    /** Drops papers by base id; ids not in the index are ignored. */
    public void remove(List<String> baseIds) {
        requireWritable();
        if (baseIds.isEmpty()) return;
        try {
            writer.deleteDocuments(baseIds.stream().map(id -> new Term(Fields.ID, id)).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the search index: " + e.getMessage(), e);
        }
    }

    static Document document(Paper p, float[] vector) {
        Document d = new Document();
        d.add(new KeywordField(Fields.ID, p.id().base(), Field.Store.YES));
        d.add(new TextField(Fields.TITLE, p.title(), Field.Store.YES));
        d.add(new TextField(Fields.ABSTRACT, nullToEmpty(p.abstractText()), Field.Store.YES));
        d.add(new TextField(Fields.TEXT, p.title() + "\n" + nullToEmpty(p.abstractText()), Field.Store.NO));
        d.add(new TextField(Fields.AUTHORS, String.join("; ", p.authors().stream().map(Author::name).toList()), Field.Store.NO));
        for (String c : p.categories()) d.add(new KeywordField(Fields.CATEGORY, c, Field.Store.NO));
        if (p.listingDate() != null) d.add(new LongField(Fields.DATE, p.listingDate().toEpochDay(), Field.Store.YES));
        if (!p.codeLinks().isEmpty()) d.add(new KeywordField(Fields.HAS, "code", Field.Store.NO));
        if (vector != null) d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Makes what was put durable, recording how far the database has been followed. */
    public void commit(long newPaperSeq, long newEmbeddingSeq) {
        requireWritable();
        try {
            writer.setLiveCommitData(Map.of(KEY_SCHEMA, SCHEMA, KEY_MODEL, model, KEY_CATALOG, catalogId,
                    KEY_PAPER_SEQ, Long.toString(newPaperSeq), KEY_EMBEDDING_SEQ, Long.toString(newEmbeddingSeq)).entrySet());
            writer.commit();
            paperSeq = newPaperSeq;
            embeddingSeq = newEmbeddingSeq;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the search index: " + e.getMessage(), e);
        }
    }

    /** Makes what was put visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges segments down for a read-mostly index (after a full rebuild). */
    public void optimize() {
        requireWritable();
        try {
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireWritable() {
        if (readOnly) throw new IllegalStateException("the search index " + dir + " belongs to a running `paperboy serve`; stop it first");
    }

    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void release(IndexSearcher s) {
        try {
            // what SearcherManager.release does, without asking which manager: reopen() may have replaced it
            s.getIndexReader().decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer != null) writer.close();
            directory.close();
            graphMerges.shutdown();
        } catch (IOException e) {
            LOG.warn("closing the search index: {}", e.getMessage());
        }
    }
}
