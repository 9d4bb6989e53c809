package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Cross-origin reads of the public data (JSON API, feeds, BibTeX, Markdown): any site's scripts may
 * GET them ({@code Access-Control-Allow-Origin: *}, never with cookies), and the preflight a
 * browser sends for a conditional GET is answered. Nothing that writes gets a CORS header, so a
 * browser refuses a cross-site POST's answer and never sends its preflighted writes.
 */
final class Cors implements RouteGroup {

    static final String EXPOSED = "ETag, Last-Modified, Link, X-Total-Count";
    private static final String ALLOWED_HEADERS = "If-None-Match, If-Modified-Since, Accept, Accept-Language, Content-Language";

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(this::onRead);
        routes.options("/api/<rest>", this::preflight);
        routes.options("/feed.atom", this::preflight);
        routes.options("/papers/<rest>", this::preflight);
    }

    /** True for the paths whose GET answers are public data. */
    static boolean publicData(String path) {
        return path.startsWith("/api/") || path.equals("/feed.atom") || path.equals("/opensearch.xml")
                || (path.startsWith("/papers/") && (path.endsWith(".atom") || path.endsWith(".bib") || path.endsWith(".md")))
                || path.startsWith("/avatars/");
    }

    private void onRead(Context ctx) {
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        if (!read || !publicData(ctx.path())) return;
        ctx.header("Access-Control-Allow-Origin", "*").header("Access-Control-Expose-Headers", EXPOSED);
    }

    /** Answers a preflight for a read; one for any other method gets no CORS header, which the browser takes as a refusal. */
    private void preflight(Context ctx) {
        String method = ctx.header("Access-Control-Request-Method");
        ctx.status(204);
        if (!publicData(ctx.path()) || method == null || !(method.equals("GET") || method.equals("HEAD"))) return;
        ctx.header("Access-Control-Allow-Origin", "*").header("Access-Control-Allow-Methods", "GET, HEAD")
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS).header("Access-Control-Max-Age", "86400");
    }
}
