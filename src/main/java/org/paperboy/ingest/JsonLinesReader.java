package org.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.paperboy.paper.Paper;

/**
 * One JSON object per line. A line that does not parse or lacks required fields is rejected with
 * its line number; a last line cut mid-object, or a stream that breaks off (cut gzip), is reported
 * as truncated after keeping every earlier line.
 */
abstract class JsonLinesReader implements PaperReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    abstract Paper convert(JsonNode record) throws BadRecord;

    @Override
    public void read(InputStream in, String source, RecordSink sink) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        long lineNo = 0;
        String line;
        String next = readLine(lines, source, 1, sink);
        while ((line = next) != null) {
            lineNo++;
            next = readLine(lines, source, lineNo + 1, sink);
            if (line.isBlank()) continue;
            handle(line, lineNo, next == null, source, sink);
        }
    }

    /** Null at the end, or where the stream breaks off (reported as truncation). */
    private static String readLine(BufferedReader lines, String source, long lineNo, RecordSink sink) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            sink.rejected(new Rejection(source, "line " + lineNo, Rejection.TRUNCATED,
                    "the input breaks off (" + e.getMessage() + "); lines before it were read"));
            return null;
        }
    }

    private void handle(String line, long lineNo, boolean last, String source, RecordSink sink) {
        String position = "line " + lineNo;
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonEOFException e) {
            if (last) {
                sink.rejected(new Rejection(source, position, Rejection.TRUNCATED, "the last line ends mid-record"));
            } else {
                sink.rejected(new Rejection(source, position, BadRecord.MALFORMED_JSON, e.getOriginalMessage()));
            }
            return;
        } catch (JsonProcessingException e) {
            sink.rejected(new Rejection(source, position, BadRecord.MALFORMED_JSON, e.getOriginalMessage()));
            return;
        }
        if (node == null || !node.isObject()) {
            sink.rejected(new Rejection(source, position, BadRecord.MALFORMED_JSON, "a line must hold one JSON object"));
            return;
        }
        try {
            sink.paper(convert(node));
        } catch (BadRecord e) {
            sink.rejected(new Rejection(source, position, e.reason(), e.getMessage()));
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
