package org.paperboy.ingest;

import java.time.LocalDate;

/**
 * What an OAI-PMH response says besides its records: an error (code and message, as in
 * {@code <error code="noRecordsMatch">}), the resumption token of the next page (null on the
 * last page) with completeListSize and cursor when given, the latest record datestamp, and a
 * truncation note when the page was cut off.
 */
public record OaiPage(String errorCode, String errorMessage, String resumptionToken, Long completeListSize,
                      Long cursor, LocalDate lastDatestamp, int records, String truncation) {

    public static final String NO_RECORDS_MATCH = "noRecordsMatch";

    public boolean hasError() {
        return errorCode != null;
    }

    /** "No records" is how OAI-PMH says "nothing new since then": not a failure. */
    public boolean nothingNew() {
        return NO_RECORDS_MATCH.equals(errorCode);
    }

    public boolean lastPage() {
        return resumptionToken == null || resumptionToken.isBlank();
    }
}
