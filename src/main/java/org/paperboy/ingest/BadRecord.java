package org.paperboy.ingest;

/** Thrown while turning one record into a paper; the reader reports it with the position and goes on. */
final class BadRecord extends Exception {
    private final String reason;

    BadRecord(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    static final String NO_ID = "no id";
    static final String BAD_ID = "bad id";
    static final String NO_TITLE = "no title";
    static final String BAD_DATE = "bad date";
    static final String MALFORMED_JSON = "malformed JSON";
    static final String BROKEN_XML = "broken XML element";
    static final String DELETED = "deleted record";
}
