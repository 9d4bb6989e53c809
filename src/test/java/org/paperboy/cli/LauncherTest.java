package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's standard output belongs to the command it runs: when it rebuilds the jar first, Maven's
 * output (with its colour codes) must not end up there. Runs the real script against a fake JDK and a fake
 * Maven that prints colour codes to stdout, as Maven does on a terminal.
 */
class LauncherTest {

    @Test
    void aRebuildPrintsNothingOnStandardOutput(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("repo");
        Files.createDirectories(root.resolve("src/main"));
        Files.copy(Path.of("paperboy"), root.resolve("paperboy"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path jdk = dir.resolve("jdk");
        executable(jdk.resolve("bin/javac"), "exit 0");
        executable(jdk.resolve("bin/java"), """
                case "$1" in -XshowSettings*) echo '    java.specification.version = 25' >&2; exit 0;; esac
                echo "command output"
                """);
        Path bin = dir.resolve("bin");
        executable(bin.resolve("mvn"), """
                printf '\\033[0m\\033[0mBuilding\\n'
                echo "args: $*"
                mkdir -p target && touch target/paperboy.jar
                """);
        Run r = launch(dir, jdk, bin, "config", "--markdown");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("command output\n", r.stdout(), "stdout must hold only the command's output");
        assertFalse(r.stdout().contains("\u001b"));
        assertTrue(r.stderr().contains("-Dstyle.color=never"), "Maven is asked for no colours: " + r.stderr());
    }

    @Test
    void javaHomeNamesTheJdkItFoundWithoutBuilding(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("repo");
        Files.createDirectories(root.resolve("src/main"));
        Files.copy(Path.of("paperboy"), root.resolve("paperboy"));
        Path jdk = dir.resolve("jdk");
        executable(jdk.resolve("bin/java"), "echo '    java.specification.version = 21' >&2");
        Path bin = dir.resolve("bin");
        executable(bin.resolve("mvn"), "echo 'built' >&2; exit 1");
        // the bench scripts take their JDK from here: the same search as the launcher's, and no build on the way
        Run r = launch(dir, jdk, bin, "java-home");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(jdk + "\n", r.stdout());
        assertFalse(r.stderr().contains("built"));
    }

    private record Run(int exit, String stdout, String stderr) {}

    /** The launcher copied to {@code dir/repo}, run with {@code jdk} as JAVA_HOME and {@code bin} first on PATH. */
    private static Run launch(Path dir, Path jdk, Path bin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", dir.resolve("repo/paperboy").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void executable(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
