package org.paperboy.store;

/** A database problem worth a clear message (schema too new, unreachable server, bad directory). */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
