package org.paperboy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperboy.config.ConfigException;
import org.paperboy.config.Settings;
import org.slf4j.LoggerFactory;

class JsonLogLinesTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theLoggersLinesBecomeJsonObjectsAndOtherLinesStayValidJson() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new JsonLogLines(captured), true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger("org.paperboy.jobs.HarvestJob").warn("harvest failed: {}; next try at {}", "\"quoted\" ünïcode", "12:00");
            System.err.println("\tat org.paperboy.Something.method(Something.java:12)");
        } finally {
            System.setErr(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, captured.toString(StandardCharsets.UTF_8));
        JsonNode event = json.readTree(lines[0]);
        assertEquals("WARN", event.get("level").asText());
        assertEquals("HarvestJob", event.get("logger").asText());
        assertEquals(Thread.currentThread().getName(), event.get("thread").asText());
        assertEquals("harvest failed: \"quoted\" ünïcode; next try at 12:00", event.get("msg").asText());
        assertTrue(event.get("ts").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), event.get("ts").asText());
        assertEquals("\tat org.paperboy.Something.method(Something.java:12)", json.readTree(lines[1]).get("msg").asText());
    }

    @Test
    void theSettingTakesTextOrJsonOnly() {
        Settings.load(Map.of("log-format", "json"), Map.of());
        Settings.load(Map.of(), Map.of("PAPERBOY_LOG_FORMAT", "text"));
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.load(Map.of("log-format", "xml"), Map.of()));
        assertTrue(e.getMessage().contains("expected text or json"), e.getMessage());
    }
}
