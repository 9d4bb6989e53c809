package org.paperboy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImmediateTransactionsTest {

    @TempDir
    Path tmp;

    @Test
    void aTransactionThatReadsThenWritesWaitsForAConcurrentWriterInsteadOfFailing() throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + tmp.resolve("t.db"), "", "")) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (n INTEGER)"));
            CompletableFuture<Void> other = new CompletableFuture<>();
            db.jdbi().useTransaction(h -> {
                h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one();
                // begun DEFERRED, this writer would commit now and the insert below fail with SQLITE_BUSY
                Thread.ofVirtual().start(() -> {
                    db.jdbi().useHandle(o -> o.execute("INSERT INTO t VALUES (1)"));
                    other.complete(null);
                });
                Thread.sleep(300);
                h.execute("INSERT INTO t VALUES (2)");
            });
            other.get();
            int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one());
            assertEquals(2, rows);
        }
    }
}
