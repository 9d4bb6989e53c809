package org.paperboy.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** First-page thumbnails as PNG files under {@code <data>/thumbnails}, one per paper (base id). */
public final class ThumbnailStore {

    private final Path dir;

    public ThumbnailStore(Path dataDir) {
        this.dir = dataDir.resolve("thumbnails");
    }

    /** Old-style ids hold a slash (hep-th/9901001): it becomes an underscore in the file name. */
    public Path file(String baseId) {
        return dir.resolve(baseId.replace('/', '_') + ".png");
    }

    public Optional<Path> find(String baseId) {
        Path f = file(baseId);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    public boolean has(String baseId) {
        return Files.isRegularFile(file(baseId));
    }

    /** Writes atomically, so that a reader never sees half a picture. */
    public void write(String baseId, byte[] png) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "thumb", ".tmp");
            Files.write(tmp, png);
            Files.move(tmp, file(baseId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
