package org.paperboy.ingest;

/** A harvest or fetch that cannot go on; the message is one line for a person, without a stack trace. */
public final class HarvestException extends RuntimeException {
    public enum Kind {
        /** Network down, DNS failure, connection refused, timeouts. */
        UNREACHABLE,
        /** 5xx answers after every retry. */
        SERVER,
        /** A 4xx answer: the request itself is wrong. */
        REFUSED,
        /** An OAI-PMH error other than noRecordsMatch, or a response that is not OAI-PMH. */
        PROTOCOL
    }

    private final Kind kind;

    public HarvestException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
