package org.paperboy.web;

import io.javalin.Javalin;
import java.util.Map;
import org.paperboy.config.Settings;
import org.paperboy.store.Database;

/** The HTTP server: builds the routes table and owns the Javalin instance. */
public final class WebServer implements AutoCloseable {

    private final Javalin app;

    public WebServer(Settings settings, Database db) {
        this.app = Javalin.create(cfg -> {
            cfg.jetty.host = settings.host();
            cfg.jetty.port = settings.port();
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/healthz", ctx -> {
                boolean ok = db.healthy();
                ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ok" : "unavailable", "schema", db.schemaVersion()));
            });
        });
    }

    public void start() {
        app.start();
    }

    /** The port actually bound (useful with port 0 in tests). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
