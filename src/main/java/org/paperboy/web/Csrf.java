package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * CSRF protection by double submit: a random token in an HttpOnly SameSite=Lax cookie must come
 * back in the form field {@code _csrf} (or the {@code X-CSRF-Token} header for htmx) of every
 * state-changing request. Requests that a browser cannot forge across sites are exempt: JSON API
 * writes (signed in by a bearer token, never by the cookie) and JSON bodies (need a CORS preflight), and paths a
 * feature declares exempt because they carry their own secret (RFC 8058 one-click unsubscribe).
 */
public final class Csrf implements RouteGroup {
    public static final String COOKIE = "pb_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final int TOKEN_BYTES = 32;
    private static final String CHECKED = "paperboy.csrf-checked";

    private final boolean secureCookies;
    private final List<String> exemptPrefixes;
    private final SecureRandom random = new SecureRandom();

    /** @param secureCookies true behind HTTPS (the public base URL is https) */
    public Csrf(boolean secureCookies, List<String> exemptPrefixes) {
        this.secureCookies = secureCookies;
        this.exemptPrefixes = List.copyOf(exemptPrefixes);
    }

    /** The token to put in this response's forms; sets the cookie on first use. */
    public String token(Context ctx) {
        String cached = ctx.attribute(COOKIE);
        if (cached != null) return cached;
        String existing = ctx.cookie(COOKIE);
        if (existing != null && existing.length() >= 40) return existing;
        byte[] b = new byte[TOKEN_BYTES];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Cookie c = new Cookie(COOKIE, token, "/", -1, secureCookies, true, null, SameSite.LAX);
        ctx.cookie(c);
        ctx.attribute(COOKIE, token);
        return token;
    }

    /**
     * The token of a signed-in session: derived from the session's secret, so that a token planted
     * in the cookie by someone else (a sibling subdomain, an earlier visitor) does not pass for it.
     */
    public static String forSession(String sessionId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("paperboy-csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes this response's forms and cookie carry {@code token} (the session's, see {@link #forSession}). */
    public void bind(Context ctx, String token) {
        ctx.attribute(COOKIE, token);
        if (!token.equals(ctx.cookie(COOKIE))) ctx.cookie(new Cookie(COOKIE, token, "/", -1, secureCookies, true, null, SameSite.LAX));
    }

    /** True when this request's form token was checked against its cookie (a state-changing, non-exempt request). */
    public static boolean checked(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(CHECKED));
    }

    /** Whether this request's cookie token is the one of {@code sessionId}. */
    public static boolean belongsTo(Context ctx, String sessionId) {
        String cookie = ctx.cookie(COOKIE);
        return cookie != null && constantTimeEquals(cookie, forSession(sessionId));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(this::check);
    }

    private void check(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name())) return;
        // API writes sign in by bearer token only, never by cookie (AccountSessions): nothing to forge
        if (ctx.path().startsWith("/api/")) return;
        String type = ctx.contentType();
        if (type != null && type.toLowerCase().startsWith("application/json")) return;
        if (exemptPrefixes.stream().anyMatch(ctx.path()::startsWith)) return;
        String cookie = ctx.cookie(COOKIE);
        String sent = ctx.header(HEADER);
        if (sent == null) sent = ctx.formParam(FIELD);
        if (cookie == null || sent == null || !constantTimeEquals(cookie, sent)) {
            throw expired();
        }
        ctx.attribute(CHECKED, true);
    }

    public static HttpError expired() {
        return new HttpError(403, "This form has expired or did not come from Paperboy. Reload the page and try again.");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
