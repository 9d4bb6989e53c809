package org.paperboy.web.community;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import org.paperboy.community.CommunityException;
import org.paperboy.community.RateLimitedException;
import org.paperboy.community.User;
import org.paperboy.web.Templates;
import org.paperboy.web.WebServer;

/** What the community's handlers share: the viewer, the client address, errors, rendering. */
public final class CommunityWeb {
    static final String VIEWER = "paperboy.viewer";
    static final String SESSION_COOKIE = "pb_session";

    private CommunityWeb() {}

    /** The logged-in account of this request, or null. */
    static User viewer(Context ctx) {
        return ctx.attribute(VIEWER);
    }

    /** The client's address: the peer's, or the one a trusted proxy forwards (see ClientAddress). */
    static String ip(Context ctx) {
        return ctx.ip();
    }

    static boolean htmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    /**
     * Sets Retry-After when a limit was hit. Handlers that answer a broken rule themselves (a form
     * shown again with what was typed) call it; every other CommunityException reaches the server's
     * one error handler, which does the same.
     */
    public static void retryAfter(Context ctx, CommunityException e) {
        if (e instanceof RateLimitedException r) ctx.header("Retry-After", String.valueOf(r.retryAfterSeconds()));
    }

    static void render(Context ctx, Templates templates, String template, Object page, int status) {
        ctx.attribute(WebServer.RESPONDED, true);
        ctx.status(status).contentType("text/html; charset=utf-8").result(templates.render(template, page));
    }

    /**
     * A local path to return to after a form; anything else (other hosts, odd schemes) becomes "/".
     * It is judged as a browser reads a Location header: tabs and newlines removed, backslashes as
     * slashes, so that {@code /\t/evil.example} and {@code /\\evil.example} count as the other host they lead to.
     */
    static String localPath(String next) {
        if (next == null) return "/";
        String cleaned = next.replaceAll("[\\t\\n\\r]", "").replace('\\', '/');
        if (!cleaned.startsWith("/") || cleaned.startsWith("//") || cleaned.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return "/";
        try {
            URI resolved = new URI("http://paperboy.invalid" + cleaned);
            if (!"paperboy.invalid".equals(resolved.getHost()) || resolved.getRawUserInfo() != null) return "/";
        } catch (URISyntaxException e) {
            return "/";
        }
        return cleaned;
    }

    /** Where a no-JavaScript form came from (path and query only), to send the browser back there. */
    static String back(Context ctx, String fallback) {
        String referer = ctx.header("Referer");
        if (referer == null) return fallback;
        try {
            URI u = URI.create(referer);
            String path = u.getRawPath();
            if (path == null || path.isEmpty()) return fallback;
            return localPath(path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
