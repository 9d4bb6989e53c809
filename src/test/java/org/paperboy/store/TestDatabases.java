package org.paperboy.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Real databases for tests: a fresh SQLite file, or a fresh database in one embedded PostgreSQL
 * server (io.zonky, real Postgres binaries) that is started once per test JVM and reused.
 */
public final class TestDatabases {

    public enum Kind { SQLITE, POSTGRESQL }

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
            Path dir = Files.createTempDirectory("paperboy-pg");
            postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.toFile()).start();
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
