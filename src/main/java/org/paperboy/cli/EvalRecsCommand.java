package org.paperboy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.config.Settings;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.recommend.Item;
import org.paperboy.recommend.MemoryCatalog;
import org.paperboy.recommend.PaperVectors;
import org.paperboy.recommend.Ranker;
import org.paperboy.recommend.RecsEval;
import org.paperboy.recommend.RecsUsers;
import org.paperboy.recommend.Vocabulary;
import org.paperboy.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval-recs", mixinStandardHelpOptions = true,
        description = "Measure For-you recommendations on a readers file (JSON lines {user, likes, later}): the likes are each reader's "
                + "saves; every day one of their later papers was first listed, all papers of that day are ranked by the For-you "
                + "ranker. Prints nDCG@10, MRR@10 and the number of (reader, day) events.")
final class EvalRecsCommand implements Runnable {
    private static final int VECTOR_BATCH = 500;

    @Parameters(index = "0", paramLabel = "USERS.jsonl", description = "Readers, e.g. ../shared/data/recs-dev/users.jsonl")
    Path users;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Papers with their first listing dates (any import format; default: ../arxiv-daily/papers.jsonl.gz beside the readers' folder)")
    Path catalog;

    @Option(names = "--run-file", paramLabel = "FILE", description = "Write the rankings as TREC lines READER:YYYY-MM-DD Q0 PAPER_ID RANK SCORE TAG")
    Path runFile;

    @Option(names = "--mode", defaultValue = "model",
            description = "model (the For-you ranker, default), centroid (tf-idf centroid of the likes, the baseline) or all")
    String mode;

    @Option(names = "--threads", defaultValue = "2", description = "Readers evaluated in parallel")
    int threads;

    @Option(names = "--embeddings",
            description = "Add the papers' stored embeddings (of --embedding-model) from the database of --data to their features, "
                    + "as the For-you page does; papers without one rank on their text")
    boolean embeddings;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<RecsEval.Mode> modes = modes();
        Path catalogFile = catalog != null ? catalog : defaultCatalog();
        RecsUsers.Loaded readers = RecsUsers.read(users);
        readers.problems().forEach(p -> System.err.println("paperboy: " + p));
        if (readers.readers().isEmpty()) throw new UserError(users + ": no readers");
        List<Item> items = CatalogFile.read(catalogFile);
        Map<String, float[]> vectors = embeddings ? vectors(items) : Map.of();
        MemoryCatalog memory;
        try (ProgressBar bar = new ProgressBar("vocabulary", items.size())) {
            memory = new MemoryCatalog(items, Vocabulary.Options.DEFAULT, vectors);
            bar.step(items.size());
        }
        Ranker ranker = new Ranker(memory);
        System.out.printf("%-10s %8s %8s %8s %8s%n", "mode", "nDCG@10", "MRR@10", "events", "readers");
        for (RecsEval.Mode m : modes) evaluate(ranker, memory, readers.readers(), m, modes.size() > 1);
    }

    private void evaluate(Ranker ranker, MemoryCatalog memory, List<RecsEval.Reader> readers, RecsEval.Mode m, boolean several) {
        String tag = "paperboy-" + m.name().toLowerCase(Locale.ROOT);
        Path file = runFile == null ? null : several ? runFile.resolveSibling(runFile.getFileName() + "." + tag) : runFile;
        List<String> lines = new ArrayList<>();
        RecsEval.Metrics metrics;
        try (ProgressBar bar = new ProgressBar("readers " + m.name().toLowerCase(Locale.ROOT), readers.size())) {
            metrics = new RecsEval(memory, ranker, m).run(readers, threads, r -> {
                if (file != null) lines.addAll(RecsEval.trecLines(r, tag));
            }, bar::step);
        }
        System.out.printf(Locale.ROOT, "%-10s %8.4f %8.4f %8d %8d%n", m.name().toLowerCase(Locale.ROOT), metrics.ndcg10(), metrics.mrr10(),
                metrics.events(), metrics.readers());
        if (file == null) return;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            lines.forEach(out::println);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The stored embeddings of the catalog's papers, read from the database of the data directory in batches. */
    private Map<String, float[]> vectors(List<Item> items) {
        Settings settings = SettingsOptions.load(spec);
        if (settings.embeddingModel().isEmpty()) throw new UserError("--embeddings: the embedding model is off (--embedding-model)");
        Map<String, float[]> out = new HashMap<>();
        try (Database db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
             ProgressBar bar = new ProgressBar("embeddings", items.size())) {
            PaperVectors stored = PaperVectors.stored(new EmbeddingStore(db), settings.embeddingModel());
            for (int from = 0; from < items.size(); from += VECTOR_BATCH) {
                List<String> ids = items.subList(from, Math.min(items.size(), from + VECTOR_BATCH)).stream().map(Item::id).toList();
                out.putAll(stored.vectors(ids));
                bar.step(ids.size());
            }
        }
        System.err.printf(Locale.ROOT, "paperboy: %,d of %,d papers have a stored %s embedding%n", out.size(), items.size(), settings.embeddingModel());
        return out;
    }

    private Path defaultCatalog() {
        Path dir = users.toAbsolutePath().normalize().getParent();
        Path guess = dir == null || dir.getParent() == null ? null : dir.getParent().resolve("arxiv-daily/papers.jsonl.gz");
        if (guess == null || !Files.isRegularFile(guess)) throw new UserError("no catalog: pass --catalog FILE (papers with first listing dates)");
        return guess;
    }

    private List<RecsEval.Mode> modes() {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "model" -> List.of(RecsEval.Mode.MODEL);
            case "centroid" -> List.of(RecsEval.Mode.CENTROID);
            case "all" -> List.of(RecsEval.Mode.CENTROID, RecsEval.Mode.MODEL);
            default -> throw new UserError("--mode must be model, centroid or all, not " + mode);
        };
    }
}
