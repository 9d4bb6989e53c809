package org.paperboy.web;

import io.javalin.http.Context;
import org.paperboy.community.User;
import org.paperboy.web.community.AccountSessions;

/**
 * Who may open the digest admin pages: the signed-in administrator, as the community's
 * AccountSessions put the viewer on the request.
 */
@FunctionalInterface
public interface DigestAdminGate {
    /** Returns normally when the request may proceed; throws {@link HttpError} otherwise. */
    void check(Context ctx);

    static DigestAdminGate administrator() {
        return ctx -> {
            User viewer = AccountSessions.viewer(ctx);
            if (viewer == null) throw new HttpError(401, "Log in as an administrator to see the digest pages.");
            if (!viewer.admin()) throw new HttpError(403, "The digest pages are for administrators.");
        };
    }
}
