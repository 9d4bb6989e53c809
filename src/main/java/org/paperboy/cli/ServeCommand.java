package org.paperboy.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the web server and the scheduled jobs until stopped (Ctrl-C or SIGTERM).")
final class ServeCommand implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Settings settings = SettingsOptions.load(spec);
        refuseBusyPort(settings);
        App app = new App(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run shutdown hooks: close in reverse order so in-flight requests finish.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServerFile.remove(settings.dataDir());
            app.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            app.startServer();
        } catch (RuntimeException e) {
            if (!StartupFailure.describe(e).isPresent()) throw e;
            Settings s = app.settings();
            throw new UserError("cannot listen on " + s.host() + ":" + s.port() + ": " + StartupFailure.describe(e).get());
        }
        try {
            ServerFile.write(settings.dataDir(), settings.host(), app.port());
        } catch (IOException e) {
            LOG.warn("cannot write {}: paperboy search will not find this server ({})", ServerFile.NAME, e.getMessage());
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Says so before anything starts, instead of failing deep inside the web server's start. */
    private static void refuseBusyPort(Settings s) {
        if (s.port() == 0) return;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(s.host(), s.port()));
        } catch (IOException e) {
            throw new UserError("cannot listen on " + s.host() + ":" + s.port() + ": " + e.getMessage()
                    + " (another program uses the port: stop it or choose another with --port)");
        }
    }
}
