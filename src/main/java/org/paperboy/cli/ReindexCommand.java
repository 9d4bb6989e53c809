package org.paperboy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.index.IndexFollower;
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
        Settings settings = SettingsOptions.load(spec);
        Path dir = settings.dataDir().resolve("index");
        if (Files.exists(dir.resolve(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) && locked(dir)) {
            throw new UserError("the search index " + dir + " is open in a running `paperboy serve`; stop it first (serve keeps it current by itself)");
        }
        deleteIndex(dir);
        try (App app = new App(settings)) {
            IndexFollower follower = app.search().follower();
            long t0 = System.nanoTime();
            long n;
            try (ProgressBar bar = new ProgressBar("reindex", follower.behind())) {
                n = follower.catchUp(bar::step);
            }
            app.search().index().optimize();
            System.out.printf("indexed %,d papers in %.1f s; %,d still wait for embeddings (run `paperboy embed`)%n",
                    n, (System.nanoTime() - t0) / 1e9, app.search().waitingForEmbeddings());
        }
    }

    private static boolean locked(Path dir) {
        try (var d = org.apache.lucene.store.FSDirectory.open(dir); var lock = d.obtainLock(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteIndex(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the old index " + dir + ": " + e.getMessage(), e);
        }
    }
}
