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
import org.paperboy.index.FusionTrainer;
import org.paperboy.index.LearnedFusion;
import org.paperboy.index.ParsedQuery;
import org.paperboy.index.QueryException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    @Option(names = "--train", description = "Learn the hybrid fusion from the folder's training split (qrels/train.tsv), choosing every setting by "
            + FusionTrainer.FOLDS + "-fold cross-validation on it; writes the model to --fusion-out, then reports the test split")
    boolean train;

    @Option(names = "--train-queries", paramLabel = "N", defaultValue = "2000", description = "--train learns from at most N training "
            + "queries, spread evenly over the split (default 2000: SciFact has 809; the pairs and the 420 cross-validation fits grow with them)")
    int trainQueries;

    @Option(names = "--fusion-out", paramLabel = "FILE", description = "Where --train writes the fusion model "
            + "(default src/main/resources/org/paperboy/index/fusion/<model>.json: run it from the repository root to update the shipped one)")
    Path fusionOut;

    @Option(names = "--fusion", paramLabel = "FILE", description = "Also evaluate the fusion model in FILE (next to the hand-built and the shipped ones)")
    Path fusionFile;

    @Override
    public void run() {
        Settings settings = SettingsOptions.load(spec);
        if (!Files.isDirectory(dir)) throw new UserError(dir + " is not a directory");
        if (trainQueries < 1) throw new UserError("--train-queries must be at least 1");
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
            if (train && !eval.hasSplit(BeirEval.TRAIN)) throw new UserError("--train: " + dir + " has no qrels/train.tsv");
            System.out.printf("%-22s %-9s %-26s %8s %10s %8s %8s%n", "model", "mode", "fusion", "nDCG@10", "recall@100", "MRR@10", "ms/query");
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
                Map<String, LearnedFusion> fusions = fusions(eval, index, embedder, modelId);
                for (PaperSearch.Mode mode : modes) {
                    if (mode != PaperSearch.Mode.KEYWORD && embedder == null) continue;
                    for (var f : fusions.entrySet()) {
                        if (mode == PaperSearch.Mode.KEYWORD && !f.getKey().equals(HAND_BUILT)) continue;
                        PaperSearch search = new PaperSearch(index, embedder, f.getValue());
                        long t0 = System.nanoTime();
                        var runs = BeirEval.run(search, mode, queries);
                        double ms = (System.nanoTime() - t0) / 1e6 / queries.size();
                        BeirEval.Metrics metrics = BeirEval.score(runs, qrels);
                        String label = mode == PaperSearch.Mode.KEYWORD ? "-" : f.getKey();
                        System.out.printf(Locale.ROOT, "%-22s %-9s %-26s %8.4f %10.4f %8.4f %8.2f%n", modelId.isEmpty() ? "-" : modelId,
                                mode.name().toLowerCase(Locale.ROOT), label, metrics.ndcg10(), metrics.recall100(), metrics.mrr10(), ms);
                        String tag = (modelId.isEmpty() ? "bm25" : modelId) + "-" + mode.name().toLowerCase(Locale.ROOT);
                        writeRun(runs, mode == PaperSearch.Mode.KEYWORD ? tag : tag + "-" + f.getKey().replaceAll("[^A-Za-z0-9.]+", "_"));
                    }
                }
            }
        } finally {
            if (embedder != null) embedder.close();
        }
    }

    private static final String HAND_BUILT = "hand-built";

    /** The fusions to compare: the hand-built one, the shipped one, --fusion's, and the one --train learns now. */
    private Map<String, LearnedFusion> fusions(BeirEval eval, SearchIndex index, OnnxEmbedder embedder, String modelId) {
        Map<String, LearnedFusion> out = new LinkedHashMap<>();
        out.put(HAND_BUILT, LearnedFusion.HAND_BUILT);
        if (embedder == null) return out;
        LearnedFusion.forModel(modelId).ifPresent(f -> out.put("shipped " + f.version(), f));
        if (fusionFile != null) out.put("file " + fusionFile.getFileName(), readFusion(fusionFile));
        if (train) {
            LearnedFusion learned = learn(eval, index, embedder, modelId);
            out.put("learned " + learned.version(), learned);
        }
        return out;
    }

    private static LearnedFusion readFusion(Path file) {
        try {
            return LearnedFusion.parse(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("--fusion " + file + ": " + e.getMessage());
        }
    }

    /**
     * Cross-validates the grid on the training split (its claims embedded with and without the
     * model's instruction), trains the best configuration on all of it and writes it.
     */
    private LearnedFusion learn(BeirEval eval, SearchIndex index, OnnxEmbedder embedder, String modelId) {
        Map<Boolean, List<FusionTrainer.Sample>> samples = new LinkedHashMap<>();
        for (boolean instruction : List.of(true, false)) {
            PaperSearch search = new PaperSearch(index, embedder, LearnedFusion.HAND_BUILT.withQueryInstruction(instruction));
            samples.put(instruction, trainingSamples(eval, search, trainQueries, instruction ? "training candidates" : "training candidates, bare queries"));
            System.err.printf(Locale.ROOT, "%d training queries%s; hand-built fusion on them: nDCG@10 %.4f%n", samples.get(instruction).size(),
                    instruction ? "" : " without the instruction", FusionTrainer.ndcg(LearnedFusion.HAND_BUILT, samples.get(instruction)));
        }
        List<FusionTrainer.Result> results = FusionTrainer.crossValidate(samples, FusionTrainer.grid(), r -> System.err.printf(Locale.ROOT,
                "  cv nDCG@10 %.4f  features %-13s C %-5s negatives %-3d instruction %s%n", r.cvNdcg(), r.config().name(), r.config().c(),
                r.config().negatives(), r.config().queryInstruction() ? "on" : "off"));
        var best = FusionTrainer.choose(results);
        System.err.printf(Locale.ROOT, "chosen: %s, cv nDCG@10 %.4f (the fewest features within one standard error of the best, %s at %.4f)%n",
                best.config().label(), best.cvNdcg(), results.get(0).config().label(), results.get(0).cvNdcg());
        List<FusionTrainer.Sample> chosen = samples.get(best.config().queryInstruction());
        double handCv = FusionTrainer.ndcg(LearnedFusion.HAND_BUILT, chosen);
        double floor = FusionTrainer.floor(chosen);
        String folder = dir.toAbsolutePath().normalize().getFileName().toString();
        String version = folder + "-train-" + best.config().label();
        String trainedOn = String.format(Locale.ROOT, "%s qrels/train.tsv, %d queries; %d-fold cv (folds grouped by shared relevant papers) nDCG@10 %.4f "
                        + "(hand-built %.4f; best %.4f, within one standard error); floor = %.0f%% quantile of relevant candidates' cosine",
                folder, chosen.size(), FusionTrainer.FOLDS, best.cvNdcg(), handCv, results.get(0).cvNdcg(), FusionTrainer.FLOOR_QUANTILE * 100);
        // semantic search always embeds with the instruction: its floor comes from those candidates
        double semanticFloor = FusionTrainer.floor(samples.get(true));
        LearnedFusion learned = FusionTrainer.train(chosen, best.config(), version, modelId, floor, trainedOn).withSemanticFloor(semanticFloor);
        Path out = fusionOut != null ? fusionOut : Path.of("src/main/resources/org/paperboy/index/fusion", modelId + ".json");
        try {
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(learned.toJson()) + "\n");
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
        System.err.println("fusion written to " + out + ": " + learned.version() + ", similarity floor " + floor + ", semantic search's " + semanticFloor);
        return learned;
    }

    private static List<FusionTrainer.Sample> trainingSamples(BeirEval eval, PaperSearch search, int max, String label) {
        var queries = spread(eval.queries(BeirEval.TRAIN), max);
        var qrels = eval.qrels(BeirEval.TRAIN);
        List<FusionTrainer.Sample> samples = new ArrayList<>();
        try (ProgressBar bar = new ProgressBar(label, queries.size())) {
            for (BeirEval.Query q : queries) {
                try {
                    var c = search.candidates(ParsedQuery.text(q.text()));
                    samples.add(new FusionTrainer.Sample(q.id(), c.list(), c.ids(), c.queryTerms(), qrels.get(q.id())));
                } catch (QueryException e) {
                    // an all-stopword claim has no candidates to learn from
                }
                bar.step(1);
            }
        }
        return samples;
    }

    /** At most {@code max} of the queries, evenly spread over them (in order). */
    private static List<BeirEval.Query> spread(List<BeirEval.Query> queries, int max) {
        if (queries.size() <= max) return queries;
        System.err.printf(Locale.ROOT, "learning from %d of the %d training queries (--train-queries)%n", max, queries.size());
        List<BeirEval.Query> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) out.add(queries.get((int) ((long) i * queries.size() / max)));
        return out;
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
            return Arrays.stream(EmbeddingModel.values()).filter(EmbeddingModel::available).map(m -> m.id).toList();
        }
        String id = model != null ? model : settings.embeddingModel();
        if (id.isEmpty()) throw new UserError("semantic and hybrid modes need an embedding model; pass --model or use --mode keyword");
        EmbeddingModel m = EmbeddingModel.byId(id).orElseThrow(() -> new UserError("--model: unknown model '" + id + "'"));
        if (!m.available()) throw new UserError("--model: " + id + " is not on this classpath; run bench/search.sh eval for the comparison models");
        return List.of(id);
    }
}
