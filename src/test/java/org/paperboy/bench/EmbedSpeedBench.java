package org.paperboy.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.paperboy.index.EmbeddingBackfill;
import org.paperboy.index.EmbeddingModel;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.index.OnnxEmbedder;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/**
 * Embedding backfill speed on N real arxiv-daily abstracts, through the real backfill (2 threads,
 * one intra-op thread each), in a throwaway catalog. Prints the wall rate and the process CPU
 * time per paper, whose inverse times the core count is the rate on otherwise idle cores.
 *
 * <pre>bench/search.sh embed-speed [N] [MODEL]</pre>
 */
public final class EmbedSpeedBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        EmbeddingModel model = args.length > 1 ? EmbeddingModel.byId(args[1]).orElseThrow() : EmbeddingModel.DEFAULT;
        int threads = 2;
        Path dir = Files.createTempDirectory("pb-embed-speed");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("paperboy.db"), "", "");
             OnnxEmbedder embedder = new OnnxEmbedder(model, dir.resolve("cache"), 1)) {
            ArxivDailyLoader.load(Path.of("../shared/data/arxiv-daily/papers.jsonl.gz"), new PaperRepository(db), n, x -> {});
            EmbeddingStore store = new EmbeddingStore(db);
            try (EmbeddingBackfill warm = new EmbeddingBackfill(store, embedder, threads)) {
                for (int i = 0; i < 20; i++) embedder.embedDocument("warm-up text number " + i);
            }
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long[] done = {0};
            try (EmbeddingBackfill b = new EmbeddingBackfill(store, embedder, threads)) {
                b.runFrom(0, x -> done[0] += x);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / done[0];
            System.out.printf(Locale.ROOT, "%s: %d papers in %.1f s = %.1f papers/s wall (load average %.1f on %d cores); "
                            + "CPU %.1f ms/paper = %.1f papers/s on %d idle cores%n", model.id, done[0], wall, done[0] / wall,
                    os.getSystemLoadAverage(), os.getAvailableProcessors(), cpuMs, threads * 1000 / cpuMs, threads);
        }
    }
}
