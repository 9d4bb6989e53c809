package org.paperboy.ingest;

/**
 * A record that was not imported: where it was (file and line or record number), a short reason
 * that summaries count by (such as "no title"), and the detail a person needs to fix it.
 */
public record Rejection(String source, String position, String reason, String detail) {

    /** The reason given when the input stops early (cut gzip, XML cut mid-element, last line cut). */
    public static final String TRUNCATED = "truncated input";

    public boolean truncation() {
        return TRUNCATED.equals(reason);
    }

    @Override
    public String toString() {
        return source + " " + position + ": " + reason + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
