package org.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;

/**
 * Where a harvest stands, kept in job_state after every committed page: the listing asked for
 * (set, metadata format, from, until), the resumption token of the next page (null when none is
 * pending), pages done, and the latest record datestamp seen, from which the next harvest starts.
 */
public record HarvestCursor(String set, String metadataPrefix, LocalDate from, LocalDate until, String token,
                            int pagesDone, LocalDate lastDatestamp, long papers) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public boolean pending() {
        return token != null && !token.isBlank();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Null for no cursor, or one that cannot be read (the harvest then starts afresh). */
    static HarvestCursor fromJson(String json) {
        if (json == null || json.isBlank()) return null;
        try {
            return JSON.readValue(json, HarvestCursor.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    HarvestCursor next(String newToken, LocalDate stamp, long kept) {
        LocalDate last = lastDatestamp == null || (stamp != null && stamp.isAfter(lastDatestamp)) ? stamp : lastDatestamp;
        return new HarvestCursor(set, metadataPrefix, from, until, newToken, pagesDone + 1, last, papers + kept);
    }
}
