package org.paperboy.cli;

import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.index.EmbeddingBackfill;
import org.paperboy.index.EmbeddingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Compute the embeddings papers lack and store them in the database. Resumable: a rerun skips what is done.")
final class EmbedCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--threads", defaultValue = "2", description = "Parallel inferences, one core each (default 2)")
    int threads;

    @Override
    public void run() {
        Settings settings = SettingsOptions.load(spec);
        if (settings.embeddingModel().isEmpty()) throw new UserError("embedding is off (--embedding-model off); nothing to do");
        if (threads < 1 || threads > 64) throw new UserError("--threads: expected 1 to 64, got " + threads);
        try (App app = new App(settings)) {
            EmbeddingBackfill backfill = new EmbeddingBackfill(new EmbeddingStore(app.db()), app.search().embedder(), threads);
            long t0 = System.nanoTime();
            long missing = backfill.missing();
            try (backfill; ProgressBar bar = new ProgressBar("embed " + settings.embeddingModel(), missing)) {
                backfill.runFrom(0, bar::step);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("embedded %,d papers in %.1f s (%.1f/s) with %s%n", bar.done(), s, bar.done() / s, settings.embeddingModel());
            }
            app.search().follower().catchUp(n -> {});
        }
    }
}
