package org.paperboy.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The browser-side defences sent with every response (pages, JSON, static files, errors), set at
 * the Jetty level so that no route or error path can leave them out. The policy allows scripts,
 * styles, fonts and images from this site only: the templates hold no inline script, event
 * handler or style attribute, and htmx is told not to add its indicator style (AccountSessions).
 */
public final class SecurityHeaders extends Handler.Wrapper {
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable h = response.getHeaders();
        h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", REFERRER_POLICY);
        return super.handle(request, response, callback);
    }
}
