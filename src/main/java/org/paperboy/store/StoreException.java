package org.paperboy.store;

import java.sql.SQLException;

/** A database problem worth a clear message (schema too new, unreachable server, bad directory). */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether a database error is a uniqueness violation (a concurrent insert took the key):
     * SQL state 23505 on PostgreSQL, "UNIQUE constraint failed" (or a primary key's) on SQLite.
     */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof SQLException sql)) continue;
            if ("23505".equals(sql.getSQLState())) return true;
            String m = String.valueOf(sql.getMessage());
            if (m.contains("UNIQUE constraint failed") || m.contains("SQLITE_CONSTRAINT_UNIQUE") || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
                return true;
            }
        }
        return false;
    }

    /** The database's own words for an error, on one line, for a log. */
    public static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return String.valueOf(root.getMessage()).replaceAll("\\s+", " ").strip();
    }
}
