package org.paperboy.cli;

import org.paperboy.App;
import org.paperboy.index.IndexFollower;
import org.paperboy.index.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the database (stored vectors are reused, never recomputed).")
final class ReindexCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        try (App app = new App(SettingsOptions.load(spec))) {
            SearchIndex index = app.search().index();
            if (index.readOnly()) {
                throw new UserError("the search index is open in a running `paperboy serve`; stop it first (serve keeps it current by itself)");
            }
            index.restartFrom(app.papers().catalogId());
            IndexFollower follower = app.search().follower();
            long t0 = System.nanoTime();
            long n;
            try (ProgressBar bar = new ProgressBar("reindex", follower.behind())) {
                n = follower.catchUp(bar::step);
            }
            long t1 = System.nanoTime();
            // silent for minutes on a large catalog otherwise: the merge rebuilds one HNSW graph of every vector
            System.out.printf("merging the index into one segment (%,d papers)...%n", index.size());
            index.optimize();
            System.out.printf("indexed %,d papers in %.1f s (merge %.1f s); %,d still wait for embeddings (run `paperboy embed`)%n",
                    n, (System.nanoTime() - t0) / 1e9, (System.nanoTime() - t1) / 1e9, app.search().waitingForEmbeddings());
        }
    }
}
