package org.paperboy.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real small or read-only file system for disk-fault tests: a tmpfs mounted on a test directory.
 * Needs root with the right to mount (a container without it skips the test, saying why).
 */
public final class SmallDisk implements AutoCloseable {
    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (e.g. "600k") on {@code dir}, or skips the calling test. */
    public static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String why = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        Assumptions.assumeTrue(why == null, "a size-limited tmpfs could not be mounted (needs root allowed to mount): " + why);
        return new SmallDisk(dir);
    }

    /** Makes the mounted file system read-only, as a failing disk that the kernel remounted read-only. */
    public void readOnly() throws IOException, InterruptedException {
        String why = run("mount", "-o", "remount,ro", dir.toString());
        if (why != null) throw new IOException("cannot remount " + dir + " read-only: " + why);
    }

    /** A file made immutable (chattr +i) until closed: not writable even by root. Skips where chattr fails. */
    public static Immutable immutable(Path file) throws IOException, InterruptedException {
        String why = run("chattr", "+i", file.toString());
        Assumptions.assumeTrue(why == null, "cannot make " + file + " immutable (needs root and chattr): " + why);
        return () -> run("chattr", "-i", file.toString());
    }

    public interface Immutable extends AutoCloseable {
        @Override
        void close() throws IOException, InterruptedException;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }

    /** Null when the command succeeded, else what it printed. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return command[0] + " timed out";
        }
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return p.exitValue() == 0 ? null : out.isEmpty() ? "exit " + p.exitValue() : out;
    }
}
