package org.paperboy.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the benchmark's readers file; a malformed line is reported with its number and skipped. */
public final class RecsUsers {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Loaded(List<RecsEval.Reader> readers, List<String> problems) {}

    private RecsUsers() {}

    public static Loaded read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Loaded read(BufferedReader in, String source) throws IOException {
        List<RecsEval.Reader> readers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                readers.add(parse(JSON.readTree(line)));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(source + ":" + lineNo + ": skipped: " + firstLine(e.getMessage()));
            }
        }
        return new Loaded(readers, problems);
    }

    private static RecsEval.Reader parse(JsonNode n) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException("a line must hold one JSON object");
        JsonNode user = n.get("user");
        if (user == null || !user.isTextual() || user.asText().isBlank()) throw new IllegalArgumentException("missing \"user\"");
        return new RecsEval.Reader(user.asText(), ids(n, "likes"), ids(n, "later"));
    }

    private static List<String> ids(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) throw new IllegalArgumentException("\"" + field + "\" must be an array of paper ids");
        List<String> out = new ArrayList<>();
        for (JsonNode id : a) {
            if (!id.isTextual()) throw new IllegalArgumentException("\"" + field + "\" holds a non-string");
            out.add(id.asText());
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
