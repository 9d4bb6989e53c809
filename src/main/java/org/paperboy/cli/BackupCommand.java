package org.paperboy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.paperboy.config.Settings;
import org.paperboy.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the SQLite database to FILE, also while `paperboy serve` runs. "
                + "The search index and caches are derived data and are rebuilt from it.")
final class BackupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Where the copy goes; must not exist yet")
    Path file;

    @Override
    public void run() {
        Settings settings = SettingsOptions.load(spec);
        if (settings.isPostgres()) {
            throw new UserError("the database is PostgreSQL: back it up with pg_dump (e.g. pg_dump --format=custom --file=" + file + " DBNAME)");
        }
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) throw new UserError(target + " exists; choose a new file, a backup never overwrites one");
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) throw new UserError(target.getParent() + " is not a directory");
        long t0 = System.nanoTime();
        try (Database db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
            db.backupTo(target);
        }
        System.out.printf("backed up %s to %s (%,d bytes) in %.1f s; restore by pointing --data (or --db) at a copy of it%n",
                settings.dbUrl().substring("jdbc:sqlite:".length()), target, size(target), (System.nanoTime() - t0) / 1e9);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
