package org.paperboy.index;

/** A query that cannot be run, with a message meant for the person who typed it. */
public final class QueryException extends RuntimeException {
    public QueryException(String message) {
        super(message);
    }
}
