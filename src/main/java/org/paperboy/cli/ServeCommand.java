package org.paperboy.cli;

import java.util.concurrent.CountDownLatch;
import org.paperboy.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the web server and the scheduled jobs until stopped (Ctrl-C or SIGTERM).")
final class ServeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        App app = new App(SettingsOptions.load(spec));
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run shutdown hooks: close in reverse order so in-flight requests finish.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        app.startServer();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
