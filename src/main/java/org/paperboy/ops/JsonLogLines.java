package org.paperboy.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --log-format json}: each line the logger writes to stderr becomes one JSON object
 * ({@code ts}, {@code level}, {@code thread}, {@code logger}, {@code msg}), for log shippers that
 * read JSON lines. The logger (slf4j-simple) looks up {@code System.err} at every write, so
 * replacing that stream at start-up is enough; lines not in its format (a stack trace's) become
 * objects with {@code msg} alone, so every line stays valid JSON.
 */
public final class JsonLogLines extends OutputStream {
    private static final Pattern LINE = Pattern.compile("^(\\S+) \\[([^\\]]*)\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    JsonLogLines(OutputStream out) {
        this.out = out;
    }

    /**
     * Picks the format before anything logs: the {@code --log-format} flag wins over
     * {@code PAPERBOY_LOG_FORMAT}; "json" replaces stderr, anything else leaves it (Settings
     * reports a bad value).
     */
    public static void install(String[] args, Map<String, String> env) {
        String format = env.getOrDefault("PAPERBOY_LOG_FORMAT", "text");
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--log-format=")) format = args[i].substring("--log-format=".length());
            else if (args[i].equals("--log-format") && i + 1 < args.length) format = args[i + 1];
        }
        if (format.strip().equalsIgnoreCase("json")) {
            System.setErr(new PrintStream(new JsonLogLines(new FileOutputStream(FileDescriptor.err)), true, StandardCharsets.UTF_8));
        }
    }

    /** One logger line as a JSON object. */
    static String toJson(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher match = LINE.matcher(text);
        if (match.matches()) {
            m.put("ts", match.group(1));
            m.put("level", match.group(3));
            m.put("thread", match.group(2));
            m.put("logger", match.group(4));
            m.put("msg", match.group(5));
        } else {
            m.put("msg", text);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b != '\n') {
            line.write(b);
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        out.write((toJson(text) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }
}
