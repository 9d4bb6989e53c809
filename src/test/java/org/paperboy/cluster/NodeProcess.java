package org.paperboy.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code paperboy serve} node as a separate JVM on loopback (the built classpath), with its own
 * data directory and a log file per life: a node killed and started again writes a second file.
 */
final class NodeProcess {
    final int index;
    final int port;
    final Path data;
    private final Path logs;
    private final List<String> settings;
    private final List<String> jvmFlags;
    private final List<Path> logFiles = new ArrayList<>();
    private Process process;

    /** @param jvmFlags extra JVM flags (the test trades peak speed for a cheaper start) */
    NodeProcess(int index, int port, Path data, Path logs, List<String> settings, List<String> jvmFlags) {
        this.jvmFlags = List.copyOf(jvmFlags);
        this.index = index;
        this.port = port;
        this.data = data;
        this.logs = logs;
        this.settings = List.copyOf(settings);
    }

    void start() throws IOException {
        Path log = logs.resolve("node" + index + "-life" + (logFiles.size() + 1) + ".log");
        logFiles.add(log);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-XX:+UseSerialGC"));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-Djava.io.tmpdir=" + data, "-cp", System.getProperty("java.class.path"), "org.paperboy.Main",
                "serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--data", data.toString()));
        cmd.addAll(settings);
        Files.createDirectories(data);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** SIGKILL: no shutdown hook, no finally block, no lease given back. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM: the node drains and stops; true when it exited in time with status 0 or 143. */
    boolean stop(Duration within) throws InterruptedException {
        if (!process.isAlive()) return false;
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0 || process.exitValue() == 143;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    List<Path> logFiles() {
        return List.copyOf(logFiles);
    }

    Path currentLog() {
        return logFiles.get(logFiles.size() - 1);
    }

    int status(HttpClient http, String path) {
        return status(http, url(path), Duration.ofSeconds(3));
    }

    /** The status a GET of {@code url} answers; -1 when none came. */
    static int status(HttpClient http, String url, Duration timeout) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until /readyz says 200; fails with the end of the log when the process died or time ran out. */
    void awaitReady(HttpClient http, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (!alive()) throw new AssertionError("node " + index + " exited: " + tail());
            if (status(http, "/readyz") == 200) return;
            Thread.sleep(250);
        }
        Path dump = logs.resolve("node" + index + "-threads.txt");
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile()).start()
                .waitFor(30, TimeUnit.SECONDS);
        throw new AssertionError("node " + index + " not ready after " + within + " (threads in " + dump + "): " + tail());
    }

    String tail() throws IOException {
        String s = Files.readString(currentLog());
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    String get(HttpClient http, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError("node " + index + " GET " + path + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }
}
