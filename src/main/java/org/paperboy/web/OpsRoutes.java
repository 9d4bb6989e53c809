package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperboy.index.PaperSearch;
import org.paperboy.ops.Metrics;
import org.paperboy.ops.Readiness;

/** {@code GET /readyz} for the load balancer, {@code GET /metrics} for Prometheus, and the timing of every request. */
public final class OpsRoutes implements RouteGroup {
    private static final String STARTED = "paperboy.started-nanos";
    private static final Set<String> SEARCH_ROUTES = Set.of("/search", "/api/papers/search");

    private final Metrics metrics;
    private final Readiness readiness;

    public OpsRoutes(Metrics metrics, Readiness readiness) {
        this.metrics = metrics;
        this.readiness = readiness;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.after(this::record);
        routes.get("/readyz", this::ready);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }

    private void ready(Context ctx) {
        Optional<String> why = readiness.notReadyBecause();
        if (why.isEmpty()) {
            ctx.json(Map.of("status", "ready"));
            return;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "not ready");
        body.put("reason", why.get());
        ctx.status(503).json(body);
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) return;
        long nanos = System.nanoTime() - started;
        String route = route(ctx);
        metrics.http(ctx.method().name(), route, ctx.statusCode(), nanos);
        if (SEARCH_ROUTES.contains(route)) metrics.search(mode(ctx.queryParam("mode")), nanos);
    }

    /** The matched route's pattern; requests that matched none share one label. */
    private static String route(Context ctx) {
        try {
            Endpoint e = ctx.endpoints().lastHttpEndpoint();
            return e == null ? "unmatched" : e.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** The mode as SearchRoutes reads it (hybrid by default); anything else is one "invalid" label. */
    static String mode(String param) {
        if (param == null || param.isBlank()) return PaperSearch.Mode.HYBRID.name().toLowerCase(Locale.ROOT);
        for (PaperSearch.Mode m : PaperSearch.Mode.values()) {
            if (m.name().equalsIgnoreCase(param.strip())) return m.name().toLowerCase(Locale.ROOT);
        }
        return "invalid";
    }
}
