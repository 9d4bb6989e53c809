package org.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.paperboy.paper.Paper;

/**
 * One JSON object per line. A line that does not parse or lacks required fields is rejected with
 * its line number; a last line cut mid-object, or a stream that breaks off (cut gzip), is reported
 * as truncated after keeping every earlier line.
 */
abstract class JsonLinesReader implements PaperReader {
    static final ObjectMapper JSON = new ObjectMapper();

    abstract Paper convert(JsonNode record) throws BadRecord;

    /** One line to a paper; formats read often override this with a streaming parse. */
    Paper parse(String line) throws IOException, BadRecord {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) throw new BadRecord(BadRecord.MALFORMED_JSON, "a line must hold one JSON object");
        return convert(node);
    }

    private static final int CHUNK_LINES = 500;
    private static final int CHUNKS_IN_FLIGHT = 8;

    /**
     * Lines are read here and parsed in chunks on a few worker threads (parsing and text clean-up
     * cost more than reading), then handed to the sink in file order from this thread.
     */
    @Override
    public void read(InputStream in, String source, RecordSink sink) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int parsers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(parsers, Thread.ofPlatform().daemon().name("import-parse-", 0).factory());
        Deque<Future<List<Object>>> inFlight = new ArrayDeque<>();
        List<Rejection> breakOff = new ArrayList<>(1);
        try {
            long lineNo = 0;
            List<String> chunk = new ArrayList<>(CHUNK_LINES);
            long chunkStart = 1;
            String next = readLine(lines, source, 1, breakOff);
            while (next != null) {
                String line = next;
                lineNo++;
                next = readLine(lines, source, lineNo + 1, breakOff);
                chunk.add(line);
                boolean last = next == null;
                if (chunk.size() == CHUNK_LINES || last) {
                    List<String> todo = chunk;
                    long first = chunkStart;
                    inFlight.add(pool.submit(() -> parseChunk(todo, first, last, source)));
                    chunk = new ArrayList<>(CHUNK_LINES);
                    chunkStart = lineNo + 1;
                    if (inFlight.size() >= CHUNKS_IN_FLIGHT) deliver(inFlight.removeFirst(), sink);
                }
            }
            while (!inFlight.isEmpty()) deliver(inFlight.removeFirst(), sink);
            breakOff.forEach(sink::rejected);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Papers and rejections of consecutive lines, in line order. */
    private List<Object> parseChunk(List<String> chunk, long firstLine, boolean endsInput, String source) {
        List<Object> events = new ArrayList<>(chunk.size());
        RecordSink collect = new RecordSink() {
            @Override
            public void paper(Paper paper) {
                events.add(paper);
            }

            @Override
            public void rejected(Rejection rejection) {
                events.add(rejection);
            }
        };
        for (int i = 0; i < chunk.size(); i++) {
            String line = chunk.get(i);
            if (line.isBlank()) continue;
            handle(line, firstLine + i, endsInput && i == chunk.size() - 1, source, collect);
        }
        return events;
    }

    private static void deliver(Future<List<Object>> chunk, RecordSink sink) throws IOException {
        List<Object> events;
        try {
            events = chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        for (Object o : events) {
            if (o instanceof Paper p) sink.paper(p);
            else sink.rejected((Rejection) o);
        }
    }

    /** Null at the end, or where the stream breaks off (reported as truncation). */
    private static String readLine(BufferedReader lines, String source, long lineNo, List<Rejection> breakOff) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            breakOff.add(new Rejection(source, "line " + lineNo, Rejection.TRUNCATED,
                    "the input breaks off (" + e.getMessage() + "); lines before it were read"));
            return null;
        }
    }

    private void handle(String line, long lineNo, boolean last, String source, RecordSink sink) {
        String position = "line " + lineNo;
        try {
            sink.paper(parse(line));
        } catch (JsonEOFException e) {
            if (last) {
                sink.rejected(new Rejection(source, position, Rejection.TRUNCATED, "the last line ends mid-record"));
            } else {
                sink.rejected(new Rejection(source, position, BadRecord.MALFORMED_JSON, e.getOriginalMessage()));
            }
        } catch (JsonProcessingException e) {
            sink.rejected(new Rejection(source, position, BadRecord.MALFORMED_JSON, e.getOriginalMessage()));
        } catch (IOException e) {
            sink.rejected(new Rejection(source, position, BadRecord.MALFORMED_JSON, e.getMessage()));
        } catch (BadRecord e) {
            sink.rejected(new Rejection(source, position, e.reason(), e.getMessage()));
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
