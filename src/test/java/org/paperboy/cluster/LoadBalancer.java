package org.paperboy.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's HAProxy in front of the nodes, with the configuration of {@code deploy/haproxy.cfg}
 * as it is (timeouts, retry rule, /metrics deny, /readyz checks every 2 s) but bound to loopback:
 * only the bind address and the server lines change.
 */
final class LoadBalancer implements AutoCloseable {
    static final Path DEPLOYED_CONFIG = Path.of("deploy/haproxy.cfg");
    private static final List<String> LOCATIONS = List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy");

    final int port;
    private final Process process;

    private LoadBalancer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static Optional<Path> binary() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "haproxy"));
        return Stream.concat(LOCATIONS.stream().map(Path::of), onPath).filter(Files::isExecutable).findFirst();
    }

    /** The deployed configuration rewritten for loopback; fails if deploy/haproxy.cfg lost a line this relies on. */
    static String config(String deployed, int port, List<Integer> nodePorts) {
        List<String> out = new ArrayList<>();
        boolean inStats = false;
        for (String line : deployed.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("frontend stats")) inStats = true; // the stats page would need a second fixed port
            else if (t.startsWith("frontend ") || t.startsWith("backend ")) inStats = false;
            if (inStats) continue;
            if (t.startsWith("server ")) continue;
            if (t.equals("bind :80")) line = "    bind 127.0.0.1:" + port;
            out.add(line);
        }
        String cfg = String.join("\n", out);
        for (String needed : List.of("bind 127.0.0.1:" + port, "option httpchk GET /readyz", "http-check expect status 200",
                "default-server inter", "retries 2", "http-request deny deny_status 404 if { path /metrics }", "backend paperboy_nodes")) {
            if (!cfg.contains(needed)) throw new AssertionError(DEPLOYED_CONFIG + " no longer holds '" + needed + "'");
        }
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < nodePorts.size(); i++) servers.append("    server node").append(i + 1).append(" 127.0.0.1:").append(nodePorts.get(i)).append(" check\n");
        // after the backend's own lines (the check settings), not after "default_backend paperboy_nodes"
        return cfg.strip() + "\n" + servers;
    }

    static LoadBalancer start(Path binary, Path dir, int port, List<Integer> nodePorts) throws IOException, InterruptedException {
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, config(Files.readString(DEPLOYED_CONFIG), port, nodePorts));
        Process check = new ProcessBuilder(binary.toString(), "-c", "-f", cfg.toString()).redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes());
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) throw new AssertionError("haproxy -c refused " + cfg + ": " + said);
        Process p = new ProcessBuilder(binary.toString(), "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        return new LoadBalancer(port, p);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
