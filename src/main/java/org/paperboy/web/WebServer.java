package org.paperboy.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.paperboy.community.CommunityException;
import org.paperboy.config.Settings;
import org.paperboy.recommend.SignalException;
import org.paperboy.store.Database;
import org.paperboy.store.StoreException;
import org.paperboy.web.community.CommunityWeb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: static files, the one place that turns exceptions into responses, and the
 * routes table made of each feature's {@link RouteGroup}.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** Set on a request whose error status already has its own page (a form shown again), which the 404 handler keeps. */
    public static final String RESPONDED = "paperboy.error-rendered";
    /** On stop, requests being served get this long to finish (under Docker's 10 s SIGTERM grace). */
    static final long STOP_GRACE_MILLIS = 8_000;
    static final int DATABASE_RETRY_SECONDS = 30;

    private final Javalin app;
    private final Templates templates;

    public WebServer(Settings settings, Database db, Templates templates, List<RouteGroup> groups) {
        this(settings, db, templates, groups, List::of);
    }

    /** @param problems what keeps this node from working fully (a read-only database, a dead search index): /healthz says degraded */
    public WebServer(Settings settings, Database db, Templates templates, List<RouteGroup> groups, Supplier<List<String>> problems) {
        this.templates = templates;
        this.app = Javalin.create(cfg -> {
            cfg.jetty.host = settings.host();
            cfg.jetty.port = settings.port();
            cfg.startup.showJavalinBanner = false;
            ClientAddress client = new ClientAddress(settings.community().trustedProxies());
            cfg.contextResolver.ip = ctx -> client.of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
            // graceful stop: stop accepting, let in-flight requests finish, then close
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_GRACE_MILLIS);
                server.insertHandler(new GracefulHandler());
                server.insertHandler(new SecurityHeaders());
                server.insertHandler(new HeadAsGet());
            });
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/static";
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            // Javalin gzips bodies over 1.5 KB for clients that accept it: every answer varies by Accept-Encoding
            cfg.routes.before(ctx -> ctx.header("Vary", "Accept-Encoding"));
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/static/katex";
                s.directory = katexDirectory();
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "public, max-age=604800");
            });
            cfg.routes.get("/healthz", ctx -> health(ctx, db, problems));
            new Cors().addTo(cfg.routes);
            groups.forEach(g -> g.addTo(cfg.routes));
            errors(cfg.routes);
        });
    }

    /** KaTeX's folder in its WebJar (the jar has no entry for dist/ itself, which Javalin needs); the version is read from the jar so that pom.xml alone names it. */
    static String katexDirectory() {
        try (var in = WebServer.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/katex/pom.properties")) {
            if (in == null) throw new IllegalStateException("the KaTeX WebJar is missing from the classpath");
            var props = new Properties();
            props.load(in);
            return "/META-INF/resources/webjars/katex/" + props.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 503 when the database is unreachable; 200 "degraded" with the reasons when the node serves, but not fully. */
    private static void health(Context ctx, Database db, Supplier<List<String>> problems) {
        boolean ok = db.healthy();
        if (!ok) {
            ctx.status(503).json(Map.of("status", "unavailable", "schema", db.schemaVersion()));
            return;
        }
        List<String> reasons = problems.get();
        if (reasons.isEmpty()) {
            ctx.json(Map.of("status", "ok", "schema", db.schemaVersion()));
            return;
        }
        ctx.json(Map.of("status", "degraded", "schema", db.schemaVersion(), "problems", reasons));
    }

    private void errors(RoutesConfig routes) {
        routes.exception(HttpError.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage()));
        routes.exception(CommunityException.class, (e, ctx) -> {
            CommunityWeb.retryAfter(ctx, e);
            respond(ctx, e.reason().status, e.getMessage());
        });
        routes.exception(SignalException.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            if (fromDatabase(e)) {
                LOG.error("request {} {} failed, database error: {}", ctx.method(), ctx.path(), StoreException.cause(e));
                ctx.header("Retry-After", String.valueOf(DATABASE_RETRY_SECONDS));
                respond(ctx, 503, "The database cannot serve this request right now (logged); please try again later.");
                return;
            }
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on our side; the error has been logged.");
        });
        routes.error(404, "*", ctx -> {
            if (ctx.attribute(RESPONDED) == null) respond(ctx, 404, "There is no page at " + ctx.path() + ".");
        });
    }

    /** A failure the database reported (read-only, full, unreachable) is the service being unavailable, not a bug. */
    private static boolean fromDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) return true;
        }
        return false;
    }

    private void respond(Context ctx, int status, String message) {
        ctx.attribute(RESPONDED, true);
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", message, "status", status));
            return;
        }
        String title = status == 404 ? "Not found" : status < 500 ? "Bad request" : "Server error";
        ctx.contentType("text/html; charset=utf-8")
                .result(templates.render("error.jte", new ErrorPage(Meta.of(title + " · Paperboy", message), status, message)));
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
