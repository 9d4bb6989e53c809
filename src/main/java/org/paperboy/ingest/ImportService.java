package org.paperboy.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperMerger;
import org.paperboy.store.PaperRepository;

/**
 * Imports inputs into the catalog: a reader thread parses records into batches while this thread
 * writes each batch in one transaction ({@link PaperRepository#upsert}), so parsing and SQLite
 * overlap on two cores. Records without a listing date get today's.
 */
public final class ImportService {
    public static final int DEFAULT_BATCH = 1000;
    private static final int QUEUED_BATCHES = 4;

    /** Told of progress while an input is read; all methods may be called from the reader thread. */
    public interface Progress {
        void papers(long n);

        /** An estimate of the input's record count, from the bytes read so far; 0 when unknown. */
        default void estimatedTotal(long n) {}

        Progress NONE = n -> {};
    }

    private final PaperRepository repo;
    private final PaperMerger merger;
    private final Clock clock;
    private final int batchSize;

    public ImportService(PaperRepository repo, PaperMerger merger, Clock clock, int batchSize) {
        this.repo = repo;
        this.merger = merger;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public ImportService(PaperRepository repo, Clock clock) {
        this(repo, new VersionMerger(), clock, DEFAULT_BATCH);
    }

    /**
     * Reads every input whose format is detected from its content; an unknown format stops the
     * import before anything is written from that input.
     */
    public ImportSummary importAll(List<Input> inputs, Progress progress) {
        ImportSummary summary = new ImportSummary();
        long start = System.nanoTime();
        for (Input in : inputs) importOne(in, summary, progress, p -> true);
        summary.elapsed(Duration.ofNanos(System.nanoTime() - start));
        return summary;
    }

    /** Reads one input into the summary, keeping only papers the filter accepts. */
    public void importOne(Input in, ImportSummary summary, Progress progress, Predicate<Paper> keep) {
        Format format;
        try {
            format = Format.detect(in.content(), in.name());
        } catch (IOException e) {
            summary.reject(new Rejection(in.name(), "start", Rejection.TRUNCATED, "cannot read: " + e.getMessage()));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        BlockingQueue<List<Paper>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        List<Paper> endMarker = new ArrayList<>();
        Throwable[] failure = {null};
        Batcher batcher = new Batcher(queue, summary, progress, in, keep);
        Thread reader = Thread.ofPlatform().name("import-reader").daemon().start(() -> {
            try {
                format.reader.read(in.content(), in.name(), batcher);
            } catch (IOException | RuntimeException e) {
                failure[0] = e;
            } finally {
                // what was read before a failure is still written; an interrupted reader just ends
                if (!Thread.currentThread().isInterrupted()) {
                    batcher.flush();
                    put(queue, endMarker);
                }
            }
        });
        try {
            for (List<Paper> batch = queue.take(); batch != endMarker; batch = queue.take()) {
                summary.add(repo.upsert(batch, today, merger));
            }
            reader.join();
            // after every batch: a file may hold a paper and, later, its deletion
            summary.withdrew(repo.withdraw(batcher.withdrawn));
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (RuntimeException e) {
            // the writer failed (database gone, disk full): stop the reader, which may wait on a full queue
            reader.interrupt();
            throw e;
        }
        if (failure[0] instanceof IOException io) throw new UncheckedIOException(in.name() + ": " + io.getMessage(), io);
        if (failure[0] instanceof RuntimeException re) throw re;
    }

    private static void put(BlockingQueue<List<Paper>> queue, List<Paper> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
    }

    /** Groups papers into batches for the writer and estimates the record count from bytes read. */
    private final class Batcher implements RecordSink {
        private final BlockingQueue<List<Paper>> queue;
        private final ImportSummary summary;
        private final Progress progress;
        private final Input input;
        private final Predicate<Paper> keep;
        private List<Paper> batch = new ArrayList<>(batchSize);
        private final List<String> withdrawn = new ArrayList<>();
        private long read;

        Batcher(BlockingQueue<List<Paper>> queue, ImportSummary summary, Progress progress, Input input, Predicate<Paper> keep) {
            this.queue = queue;
            this.summary = summary;
            this.progress = progress;
            this.input = input;
            this.keep = keep;
        }

        @Override
        public void paper(Paper paper) {
            read++;
            if (keep.test(paper)) batch.add(paper);
            if (read % batchSize == 0) estimate();
            progress.papers(1);
            if (batch.size() >= batchSize) flush();
        }

        @Override
        public void rejected(Rejection rejection) {
            summary.reject(rejection);
        }

        @Override
        public void withdrawn(String baseId) {
            withdrawn.add(baseId);
        }

        void flush() {
            if (batch.isEmpty()) return;
            put(queue, batch);
            batch = new ArrayList<>(batchSize);
        }

        private void estimate() {
            long bytes = input.rawBytesRead();
            if (input.size() > 0 && bytes > 0) progress.estimatedTotal(read * input.size() / bytes);
        }
    }
}
