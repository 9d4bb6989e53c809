package org.paperboy.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may open the digest admin pages. {@link #token} guards them with the admin-token setting
 * (HTTP Basic password or {@code Authorization: Bearer}); once accounts exist, a gate that asks
 * whether the signed-in viewer is an administrator takes its place (one line in App).
 */
@FunctionalInterface
public interface DigestAdminGate {
    /** Returns normally when the request may proceed; throws {@link HttpError} otherwise. */
    void check(Context ctx);

    /** With an empty token the pages do not exist (404), so nothing is open on a public bind. */
    static DigestAdminGate token(String adminToken) {
        return ctx -> {
            if (adminToken.isEmpty()) throw HttpError.notFound("The digest admin pages are off: set --admin-token to use them.");
            if (matches(ctx.header("Authorization"), adminToken)) return;
            ctx.header("WWW-Authenticate", "Basic realm=\"Paperboy admin\", charset=\"UTF-8\"");
            throw new HttpError(401, "The digest admin pages need the admin token.");
        };
    }

    private static boolean matches(String header, String adminToken) {
        if (header == null) return false;
        String given = null;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) given = header.substring(7).strip();
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) given = basicPassword(header.substring(6).strip());
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), adminToken.getBytes(StandardCharsets.UTF_8));
    }

    private static String basicPassword(String b64) {
        try {
            String pair = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
