package org.paperboy.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, the schema (Flyway) and the JDBI handle; one per process. */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private String schemaVersion = "";

    public enum Dialect { SQLITE, POSTGRESQL }

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool and brings the schema up to date; refuses a schema newer than this build. */
    public static Database open(String url, String user, String password) {
        Dialect dialect = url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.SQLITE;
        if (dialect == Dialect.SQLITE) createParentDirectory(url);
        Database db = new Database(new HikariDataSource(poolConfig(url, user, password, dialect)), dialect);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static HikariConfig poolConfig(String url, String user, String password, Dialect dialect) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        if (!user.isEmpty()) cfg.setUsername(user);
        if (!password.isEmpty()) cfg.setPassword(password);
        cfg.setPoolName("paperboy");
        if (dialect == Dialect.SQLITE) {
            // WAL lets readers run beside the one writer; busy_timeout makes writers queue instead of failing.
            cfg.addDataSourceProperty("journal_mode", "WAL");
            cfg.addDataSourceProperty("synchronous", "NORMAL");
            cfg.addDataSourceProperty("busy_timeout", "10000");
            cfg.addDataSourceProperty("foreign_keys", "true");
            cfg.setMaximumPoolSize(8);
        } else {
            cfg.setMaximumPoolSize(16);
        }
        return cfg;
    }

    private static void createParentDirectory(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) return;
        try {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the directory of the database " + file + ": " + e.getMessage(), e);
        }
    }

    private void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.name().toLowerCase())
                .failOnMissingLocations(true)
                .load();
        refuseNewerSchema(flyway);
        var result = flyway.migrate();
        schemaVersion = flyway.info().current() == null ? "" : flyway.info().current().getVersion().getVersion();
        if (result.migrationsExecuted > 0) {
            LOG.info("database schema migrated to version {} ({} migrations)", result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfo[] future = Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (future.length == 0) return;
        throw new StoreException("the database schema is at version " + future[future.length - 1].getVersion()
                + ", newer than this Paperboy knows; upgrade Paperboy or point it at another database");
    }

    /** True when the database answers and its schema is still the one this build migrated to. */
    public boolean healthy() {
        try {
            String latest = jdbi.withHandle(h -> h.createQuery(
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")
                    .mapTo(String.class).findOne().orElse(""));
            return latest.equals(schemaVersion);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
