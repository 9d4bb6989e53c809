package org.paperboy.ingest;

/** An input that is none of the known formats; the message names them. */
public final class UnknownFormatException extends RuntimeException {
    public UnknownFormatException(String message) {
        super(message);
    }
}
