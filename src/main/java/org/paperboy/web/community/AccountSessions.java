package org.paperboy.web.community;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.paperboy.community.Accounts;
import org.paperboy.community.User;
import org.paperboy.web.Csrf;
import org.paperboy.web.HttpError;
import org.paperboy.web.RouteGroup;

/**
 * Finds the account of every request (session cookie, or {@code Authorization: Bearer} token) and
 * puts the account links into the page header. Register after {@link Csrf} and before the
 * feature routes that read the viewer.
 */
public final class AccountSessions implements RouteGroup {

    /** The request attribute holding the signed-in account. */
    public static final String VIEWER = CommunityWeb.VIEWER;

    /** The signed-in account of this request (set by this group's before handler), or null. */
    public static User viewer(Context ctx) {
        return CommunityWeb.viewer(ctx);
    }

    /** The header element that layout.jte marks for the account links (jte strips HTML comments). */
    static final String NAV_START = "<nav class=\"account\" aria-label=\"Account\" data-account>";
    static final String NAV_END = "</nav>";

    private static final String API = "/api/";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Accounts accounts;
    private final Csrf csrf;
    private final boolean secureCookies;
    private final Duration lifetime;

    public AccountSessions(Accounts accounts, Csrf csrf, boolean secureCookies, Duration lifetime) {
        this.accounts = accounts;
        this.csrf = csrf;
        this.secureCookies = secureCookies;
        this.lifetime = lifetime;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(this::identify);
        routes.after(this::accountNav);
    }

    /**
     * A bearer token signs in JSON API requests only, and a session cookie everything but API
     * writes: a token is no web login (account and admin pages, creating more tokens), and API
     * writes carry no CSRF token, so a cookie must not make them on a visitor's behalf.
     */
    private void identify(Context ctx) {
        boolean api = ctx.path().startsWith(API);
        String auth = ctx.header("Authorization");
        if (api && auth == null && !SAFE_METHODS.contains(ctx.method().name())) return;
        if (api && auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) throw new HttpError(401, "Use Authorization: Bearer TOKEN with a personal API token.");
            User u = accounts.bearer(auth.substring(7).strip())
                    .orElseThrow(() -> new HttpError(401, "This API token is unknown, revoked, or its account is banned."));
            ctx.attribute(CommunityWeb.VIEWER, u);
            return;
        }
        String session = ctx.cookie(CommunityWeb.SESSION_COOKIE);
        if (session == null) return;
        Optional<User> u = accounts.session(session);
        if (u.isEmpty()) {
            ctx.removeCookie(CommunityWeb.SESSION_COOKIE, "/");
            return;
        }
        // the form token must be this session's, not merely equal to whatever the CSRF cookie holds
        boolean forged = Csrf.checked(ctx) && !Csrf.belongsTo(ctx, session);
        csrf.bind(ctx, Csrf.forSession(session));
        if (forged) throw Csrf.expired();
        ctx.attribute(CommunityWeb.VIEWER, u.get());
    }

    void startSession(Context ctx, String sessionId) {
        csrf.bind(ctx, Csrf.forSession(sessionId));
        ctx.cookie(new Cookie(CommunityWeb.SESSION_COOKIE, sessionId, "/", (int) lifetime.toSeconds(), secureCookies, true,
                null, SameSite.LAX));
    }

    void endSession(Context ctx) {
        ctx.removeCookie(CommunityWeb.SESSION_COOKIE, "/");
    }

    /**
     * htmx (served from /static, 0BSD) enhances the forms of signed-in visitors; everyone else needs no script.
     * Its config keeps it within the Content-Security-Policy: no inline indicator style, no eval, no inline scripts.
     */
    static final String HTMX = "<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false,\"allowEval\":false,\"allowScriptTags\":false}'>"
            + "<script src=\"/static/htmx.min.js\" defer></script>";

    /**
     * For a signed-in visitor: replaces the header's log-in links with the account's name and a
     * log-out button, and loads htmx so that upvotes swap in place.
     */
    private void accountNav(Context ctx) {
        User u = CommunityWeb.viewer(ctx);
        if (u == null) return;
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("text/html")) return;
        String html = ctx.result();
        if (html == null) return;
        int start = html.indexOf(NAV_START);
        int end = start < 0 ? -1 : html.indexOf(NAV_END, start);
        if (start < 0 || end < start) return;
        String name = CommunityWeb.escape(u.username());
        String nav = "<a href=\"/u/" + name + "\">" + name + "</a> <a href=\"/account\">Account</a>"
                + (u.admin() ? " <a href=\"/moderation\">Moderation</a>" : "")
                + " <form method=\"post\" action=\"/logout\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\""
                + CommunityWeb.escape(csrf.token(ctx)) + "\"><button type=\"submit\" class=\"link\" id=\"logout\">Log out</button></form>";
        String page = html.substring(0, start + NAV_START.length()) + nav + html.substring(end);
        int head = page.indexOf("</head>");
        ctx.result(head < 0 ? page : page.substring(0, head) + HTMX + page.substring(head));
    }
}
