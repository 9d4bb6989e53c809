package org.paperboy.store;

import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * SQLite: Paperboy's own transactions all write. Begun DEFERRED, one that reads first and then
 * writes (the upsert) fails at once with SQLITE_BUSY, without waiting out busy_timeout, when another
 * writer commits in between; begun IMMEDIATE it takes the write lock first and queues like a plain
 * write. Only the BEGIN is immediate: other readers of the pool (Flyway) keep deferred transactions.
 */
final class ImmediateTransactions extends LocalTransactionHandler {

    @Override
    public void begin(Handle handle) {
        SQLiteConnection c = sqlite(handle);
        c.getConnectionConfig().setTransactionMode(TransactionMode.IMMEDIATE);
        try {
            super.begin(handle);
        } finally {
            c.getConnectionConfig().setTransactionMode(TransactionMode.DEFERRED);
        }
    }

    private static SQLiteConnection sqlite(Handle handle) {
        try {
            return handle.getConnection().unwrap(SQLiteConnection.class);
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }
}
