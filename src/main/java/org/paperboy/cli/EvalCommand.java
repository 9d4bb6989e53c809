package org.paperboy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.config.Settings;
import org.paperboy.index.BeirEval;
import org.paperboy.index.EmbeddingBackfill;
import org.paperboy.index.EmbeddingModel;
import org.paperboy.index.Fusion;
import org.paperboy.index.IndexFollower;
import org.paperboy.index.OnnxEmbedder;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure search relevance on a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv): "
                + "nDCG@10, recall@100 and MRR@10 per mode. The catalog, vectors and index are kept in a cache directory, so reruns reuse the vectors.")
final class EvalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "BEIR folder, e.g. ../shared/data/scifact")
    Path dir;

    @Option(names = "--mode", defaultValue = "all", description = "keyword, semantic, hybrid or all (default)")
    String mode;

    @Option(names = "--model", description = "Embedding model (default: the --embedding-model setting); `all` for every model on the classpath")
    String model;

    @Option(names = "--quantized", description = "Index vectors as int8 HNSW (default float32)")
    boolean quantized;

    @Option(names = "--run-file", paramLabel = "FILE", description = "Write the rankings in TREC run format (one file per model and mode when several)")
    Path runFile;

    @Option(names = "--cache", paramLabel = "DIR", description = "Work directory (default <data>/cache/eval/<folder name>)")
    Path cache;

    @Option(names = "--threads", defaultValue = "2", description = "Parallel embedding inferences")
    int threads;

    @Override
    public void run() {
        Settings settings = SettingsOptions.load(spec);
        if (!Files.isDirectory(dir)) throw new UserError(dir + " is not a directory");
        Path work = cache != null ? cache : settings.dataDir().resolve("cache/eval").resolve(dir.toAbsolutePath().normalize().getFileName().toString());
        List<PaperSearch.Mode> modes = modes();
        List<String> models = models(settings, modes);
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UserError("cannot create " + work + ": " + e.getMessage());
        }
        BeirEval eval;
        try {
            eval = new BeirEval(dir, work);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try (eval) {
            try (ProgressBar bar = new ProgressBar("corpus", 0)) {
                eval.loadCorpus(bar::step);
            }
            var queries = eval.queries();
            var qrels = eval.qrels();
            System.out.printf("%-22s %-9s %8s %10s %8s %8s%n", "model", "mode", "nDCG@10", "recall@100", "MRR@10", "ms/query");
            for (String m : models) evaluateModel(eval, m, modes, queries, qrels, work);
        }
    }

    private void evaluateModel(BeirEval eval, String modelId, List<PaperSearch.Mode> modes, List<BeirEval.Query> queries,
                               Map<String, Map<String, Integer>> qrels, Path work) {
        OnnxEmbedder embedder = modelId.isEmpty() ? null : new OnnxEmbedder(EmbeddingModel.byId(modelId).orElseThrow(), work.resolve("native"), 1);
        try {
            if (embedder != null) {
                EmbeddingBackfill backfill = new EmbeddingBackfill(eval.embeddings(), embedder, threads);
                try (backfill; ProgressBar bar = new ProgressBar("embed " + modelId, backfill.missing())) {
                    backfill.runFrom(0, bar::step);
                }
            }
            try (SearchIndex index = eval.index(modelId, quantized)) {
                IndexFollower follower = new IndexFollower(index, eval.papers(), embedder == null ? null : eval.embeddings());
                try (ProgressBar bar = new ProgressBar("index", follower.behind())) {
                    follower.catchUp(bar::step);
                }
                PaperSearch search = new PaperSearch(index, embedder);
                for (PaperSearch.Mode mode : modes) {
                    if (mode != PaperSearch.Mode.KEYWORD && embedder == null) continue;
                    long t0 = System.nanoTime();
                    var runs = BeirEval.run(search, mode, queries);
                    double ms = (System.nanoTime() - t0) / 1e6 / queries.size();
                    BeirEval.Metrics metrics = BeirEval.score(runs, qrels);
                    System.out.printf(Locale.ROOT, "%-22s %-9s %8.4f %10.4f %8.4f %8.2f%n", modelId.isEmpty() ? "-" : modelId,
                            mode.name().toLowerCase(Locale.ROOT), metrics.ndcg10(), metrics.recall100(), metrics.mrr10(), ms);
                    writeRun(runs, (modelId.isEmpty() ? "bm25" : modelId) + "-" + mode.name().toLowerCase(Locale.ROOT));
                }
            }
        } finally {
            if (embedder != null) embedder.close();
        }
    }

    private void writeRun(Map<String, List<Fusion.Scored<String>>> runs, String tag) {
        if (runFile == null) return;
        boolean several = modes().size() > 1 || "all".equalsIgnoreCase(model);
        Path file = several ? runFile.resolveSibling(runFile.getFileName() + "." + tag) : runFile;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            BeirEval.writeRun(out, runs, "paperboy-" + tag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.err.println("run written to " + file);
    }

    private List<PaperSearch.Mode> modes() {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "all" -> List.of(PaperSearch.Mode.KEYWORD, PaperSearch.Mode.SEMANTIC, PaperSearch.Mode.HYBRID);
            case "keyword" -> List.of(PaperSearch.Mode.KEYWORD);
            case "semantic" -> List.of(PaperSearch.Mode.SEMANTIC);
            case "hybrid" -> List.of(PaperSearch.Mode.HYBRID);
            default -> throw new UserError("--mode: expected keyword, semantic, hybrid or all, got '" + mode + "'");
        };
    }

    /** The keyword-only mode needs no model; "" stands for none. */
    private List<String> models(Settings settings, List<PaperSearch.Mode> modes) {
        if (modes.equals(List.of(PaperSearch.Mode.KEYWORD))) return List.of("");
        if ("all".equalsIgnoreCase(model)) {
            return java.util.Arrays.stream(EmbeddingModel.values()).filter(EmbeddingModel::available).map(m -> m.id).toList();
        }
        String id = model != null ? model : settings.embeddingModel();
        if (id.isEmpty()) throw new UserError("semantic and hybrid modes need an embedding model; pass --model or use --mode keyword");
        EmbeddingModel m = EmbeddingModel.byId(id).orElseThrow(() -> new UserError("--model: unknown model '" + id + "'"));
        if (!m.available()) throw new UserError("--model: " + id + " is not on this classpath; run bench/search.sh eval for the comparison models");
        return List.of(id);
    }
}
