package org.paperboy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code <data>/serve.json}: where the {@code serve} running on a data directory answers, so
 * that {@code paperboy search} on the same directory asks it instead of opening the index and
 * loading the model itself. Written once the server listens, removed when it stops; a file left
 * by a killed server is ignored (its process is gone).
 */
final class ServerFile {

    static final String NAME = "serve.json";

    private ServerFile() {}

    /** Written atomically: a reader never sees half a file. */
    static void write(Path dataDir, String host, int port) throws IOException {
        String reachable = host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1" : host;
        String url = "http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port;
        Path tmp = dataDir.resolve(NAME + ".tmp");
        Files.writeString(tmp, new ObjectMapper().createObjectNode().put("pid", ProcessHandle.current().pid()).put("url", url).toString());
        Files.move(tmp, dataDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file if this process wrote it (a second serve may have replaced it). */
    static void remove(Path dataDir) {
        Path f = dataDir.resolve(NAME);
        try {
            JsonNode j = new ObjectMapper().readTree(f.toFile());
            if (j.path("pid").asLong() == ProcessHandle.current().pid()) Files.deleteIfExists(f);
        } catch (IOException e) {
            // nothing to remove
        }
    }

    /** The running server's base URL, when a live process wrote the file. */
    static Optional<URI> running(Path dataDir) {
        Path f = dataDir.resolve(NAME);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            JsonNode j = new ObjectMapper().readTree(f.toFile());
            boolean alive = ProcessHandle.of(j.path("pid").asLong(-1)).map(ProcessHandle::isAlive).orElse(false);
            if (!alive || !j.path("url").isTextual()) return Optional.empty();
            return Optional.of(URI.create(j.path("url").asText()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
