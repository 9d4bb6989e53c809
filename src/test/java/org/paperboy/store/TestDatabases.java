package org.paperboy.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.io.file.PathUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Real databases for tests: a fresh SQLite file, or a fresh database in one embedded PostgreSQL
 * server (io.zonky, real Postgres binaries) that is started once per test JVM and reused.
 */
public final class TestDatabases {

    public enum Kind { SQLITE, POSTGRESQL }

    private static final String PG_DIR_PREFIX = "paperboy-pg";
    /** A stopped server directory this old belongs to a finished run (a running one still holds postmaster.pid). */
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(30);
    private static EmbeddedPostgres postgres;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {}

    /** For {@code @MethodSource("org.paperboy.store.TestDatabases#kinds")}. */
    public static Stream<Kind> kinds() {
        return Stream.of(Kind.SQLITE, Kind.POSTGRESQL);
    }

    /** A JDBC URL of an empty database of that kind. */
    public static String freshUrl(Kind kind, Path tempDir) {
        return kind == Kind.SQLITE ? "jdbc:sqlite:" + tempDir.resolve("test-" + COUNTER.incrementAndGet() + ".db") : freshPostgres();
    }

    public static Database open(Kind kind, Path tempDir) {
        return Database.open(freshUrl(kind, tempDir), kind == Kind.POSTGRESQL ? "postgres" : "", "");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres != null) return postgres;
        try {
            Path dir = Files.createTempDirectory(PG_DIR_PREFIX);
            removeLeftoversInBackground(dir.getParent());
            // The data directory is not deleted at exit: by the end of the suite it holds a few hundred test
            // databases, and deleting them inside the shutdown hook took longer than Surefire's 30 s, which then
            // killed the fork ("Surefire is going to kill self fork JVM"). The next run deletes it, off the exit path.
            postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.toFile())
                    .setDataDirectory(dir.resolve("data")).setCleanDataDirectory(false).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** Deletes the server directories of earlier runs (stopped: no postmaster.pid) on a daemon thread. */
    private static void removeLeftoversInBackground(Path tmp) {
        Thread.ofPlatform().daemon().name("remove-old-test-postgres").start(() -> {
            Instant old = Instant.now().minus(LEFTOVER_AGE);
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PG_DIR_PREFIX + "*")) {
                for (Path d : dirs) {
                    // only directories laid out as here (with data/), and only stopped servers
                    if (!Files.isDirectory(d.resolve("data")) || Files.exists(d.resolve("data/postmaster.pid"))) continue;
                    if (Files.getLastModifiedTime(d).toInstant().isAfter(old)) continue;
                    PathUtils.deleteDirectory(d);
                }
            } catch (IOException ignored) {
                // another run may be deleting the same directory; the next run tries again
            }
        });
    }

    private static String freshPostgres() {
        EmbeddedPostgres pg = server();
        String name = "paperboy_test_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }
}
