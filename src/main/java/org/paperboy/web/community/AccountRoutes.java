package org.paperboy.web.community;

import static org.paperboy.web.community.CommunityWeb.form;
import static org.paperboy.web.community.CommunityWeb.ip;
import static org.paperboy.web.community.CommunityWeb.viewer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.function.Predicate;
import org.paperboy.community.Accounts;
import org.paperboy.community.CommunityException;
import org.paperboy.community.User;
import org.paperboy.web.Csrf;
import org.paperboy.web.HttpError;
import org.paperboy.web.Meta;
import org.paperboy.web.RouteGroup;
import org.paperboy.web.Templates;

/** Sign-up, e-mail verification, log-in and log-out, password change and reset, API tokens. */
public final class AccountRoutes implements RouteGroup {
    private final Accounts accounts;
    private final AccountSessions sessions;
    private final Csrf csrf;
    private final Templates templates;

    public AccountRoutes(Accounts accounts, AccountSessions sessions, Csrf csrf, Templates templates) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.csrf = csrf;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/signup", ctx -> showForm(ctx, "signup", "Sign up", 200, null, null, Map.of()));
        routes.post("/signup", this::signUp);
        routes.get("/login", ctx -> showForm(ctx, "login", "Log in", 200, null, null, Map.of("next", CommunityWeb.localPath(ctx.queryParam("next")))));
        routes.post("/login", this::logIn);
        routes.post("/logout", this::logOut);
        routes.get("/account", ctx -> account(ctx, null, null, null, 200));
        routes.post("/account/password", this::changePassword);
        routes.post("/account/tokens", this::newToken);
        routes.post("/account/privacy", this::privacy);
        routes.post("/account/delete", this::deleteAccount);
        routes.post("/account/email", this::requestEmailChange);
        routes.get("/account/email/confirm", ctx -> linkForm(ctx, "email_confirm", "Confirm your new e-mail address", accounts::emailChangeTokenValid));
        routes.post("/account/email/confirm", this::confirmEmailChange);
        routes.post("/account/tokens/{tid}/revoke", this::revokeToken);
        routes.get("/account/verify", ctx -> linkForm(ctx, "verify", "Confirm your e-mail address", accounts::verifyTokenValid));
        routes.post("/account/verify", this::verify);
        routes.post("/account/verify/resend", this::resend);
        routes.get("/account/reset", ctx -> showForm(ctx, "reset", "Reset your password", 200, null, null, Map.of()));
        routes.post("/account/reset", this::requestReset);
        routes.get("/account/reset/confirm", this::resetForm);
        routes.post("/account/reset/confirm", this::reset);
    }

    private void showForm(Context ctx, String view, String title, int status, String error, String notice, Map<String, String> values) {
        FormPage page = new FormPage(Meta.of(title + " · Paperboy", title), csrf.token(ctx), error, notice, values);
        CommunityWeb.render(ctx, templates, "community/" + view + ".jte", page, status);
    }

    private void formError(Context ctx, String view, String title, CommunityException e, Map<String, String> values) {
        CommunityWeb.retryAfter(ctx, e);
        showForm(ctx, view, title, e.reason().status, e.getMessage(), null, values);
    }

    private void notice(Context ctx, String heading, String message, String href, String linkText) {
        CommunityWeb.render(ctx, templates, "community/notice.jte",
                new NoticePage(Meta.of(heading + " · Paperboy", message), heading, message, href, linkText), 200);
    }

    private void signUp(Context ctx) {
        Map<String, String> values = Map.of("username", form(ctx, "username"), "email", form(ctx, "email"));
        try {
            accounts.signUp(form(ctx, "username"), form(ctx, "email"), ctx.formParam("password"), ip(ctx));
            notice(ctx, "Check your mailbox", "We sent a mail to " + form(ctx, "email").strip()
                    + ". Open its link to confirm your address, then log in.", "/login", "Log in");
        } catch (CommunityException e) {
            formError(ctx, "signup", "Sign up", e, values);
        }
    }

    private void logIn(Context ctx) {
        String next = CommunityWeb.localPath(ctx.formParam("next"));
        try {
            Accounts.LoggedIn in = accounts.logIn(form(ctx, "username"), ctx.formParam("password"), ip(ctx));
            sessions.startSession(ctx, in.sessionId());
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } catch (CommunityException e) {
            formError(ctx, "login", "Log in", e, Map.of("username", form(ctx, "username"), "next", next));
        }
    }

    private void logOut(Context ctx) {
        accounts.logOut(ctx.cookie(CommunityWeb.SESSION_COOKIE));
        sessions.endSession(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private User requireLogin(Context ctx) {
        User u = viewer(ctx);
        if (u == null) throw new HttpError(401, "Log in to see your account.");
        return u;
    }

    private void account(Context ctx, String error, String notice, String newToken, int status) {
        User u = viewer(ctx);
        if (u == null) {
            ctx.redirect("/login?next=/account", HttpStatus.SEE_OTHER);
            return;
        }
        AccountPage page = new AccountPage(Meta.of("Your account · Paperboy", "Account settings"), csrf.token(ctx), u, error, notice,
                newToken, accounts.apiTokens(u));
        CommunityWeb.render(ctx, templates, "community/account.jte", page, status);
    }

    private void accountError(Context ctx, CommunityException e) {
        CommunityWeb.retryAfter(ctx, e);
        account(ctx, e.getMessage(), null, null, e.reason().status);
    }

    private void changePassword(Context ctx) {
        User u = requireLogin(ctx);
        try {
            Accounts.LoggedIn in = accounts.changePassword(u, ctx.formParam("current"), ctx.formParam("next"), ip(ctx));
            sessions.startSession(ctx, in.sessionId());
            account(ctx, null, "Password changed. You were logged out everywhere else.", null, 200);
        } catch (CommunityException e) {
            accountError(ctx, e);
        }
    }

    private void newToken(Context ctx) {
        User u = requireLogin(ctx);
        try {
            account(ctx, null, null, accounts.newApiToken(u, form(ctx, "name"), ctx.formParam("password"), ip(ctx)), 200);
        } catch (CommunityException e) {
            accountError(ctx, e);
        }
    }

    private void revokeToken(Context ctx) {
        User u = requireLogin(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("tid"));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("'" + ctx.pathParam("tid") + "' is not a token number.");
        }
        accounts.revokeApiToken(u, id);
        account(ctx, null, "Token revoked: scripts using it are refused from now on.", null, 200);
    }

    private void privacy(Context ctx) {
        User u = accounts.setVotesPublic(requireLogin(ctx), "on".equals(ctx.formParam("public")));
        ctx.attribute(CommunityWeb.VIEWER, u);
        account(ctx, null, u.votesPublic() ? "Your upvoted papers are now shown on your profile." : "Your upvoted papers are private again.", null, 200);
    }

    private void deleteAccount(Context ctx) {
        User u = requireLogin(ctx);
        try {
            accounts.deleteAccount(u, ctx.formParam("password"), ip(ctx));
        } catch (CommunityException e) {
            accountError(ctx, e);
            return;
        }
        sessions.endSession(ctx);
        ctx.attribute(CommunityWeb.VIEWER, null);
        notice(ctx, "Account deleted", "Your account, votes and comments are gone. Papers you submitted stay on the feed without your name.",
                "/", "Today's papers");
    }

    private void requestEmailChange(Context ctx) {
        User u = requireLogin(ctx);
        String address = form(ctx, "email").strip();
        try {
            accounts.requestEmailChange(u, ctx.formParam("password"), address, ip(ctx));
        } catch (CommunityException e) {
            accountError(ctx, e);
            return;
        }
        account(ctx, null, "We sent a link to " + address + ". Your address changes when you open it.", null, 200);
    }

    private void confirmEmailChange(Context ctx) {
        try {
            User u = accounts.confirmEmailChange(ctx.formParam("token"));
            notice(ctx, "Address changed", "Your account now uses " + u.email() + ".", "/account", "Your account");
        } catch (CommunityException e) {
            formError(ctx, "email_confirm", "Confirm your new e-mail address", e, Map.of());
        }
    }

    private void resend(Context ctx) {
        User u = requireLogin(ctx);
        boolean sent = accounts.resendVerification(u, ip(ctx));
        account(ctx, sent ? null : "The mail could not be sent; try again later.", sent ? "We sent the link again." : null, null, 200);
    }

    /** The page a mailed link opens: a button that posts the token back, so that no GET changes anything. */
    private void linkForm(Context ctx, String view, String title, Predicate<String> valid) {
        String token = ctx.queryParam("token");
        if (!valid.test(token)) {
            showForm(ctx, view, title, 400, "This confirmation link is invalid, used or expired. Ask for a new one on your account page.",
                    null, Map.of());
            return;
        }
        showForm(ctx, view, title, 200, null, null, Map.of("token", token));
    }

    private void verify(Context ctx) {
        try {
            User u = accounts.verify(ctx.formParam("token"));
            notice(ctx, "Address confirmed", "Thank you, " + u.username() + ": you can now vote, comment and submit papers.",
                    viewer(ctx) == null ? "/login" : "/", viewer(ctx) == null ? "Log in" : "Today's papers");
        } catch (CommunityException e) {
            formError(ctx, "verify", "Confirm your e-mail address", e, Map.of());
        }
    }

    private void requestReset(Context ctx) {
        try {
            accounts.requestReset(form(ctx, "email"), ip(ctx));
            showForm(ctx, "reset", "Reset your password", 200, null,
                    "If an account has that address, a reset link is on its way. It works once, for an hour.", Map.of());
        } catch (CommunityException e) {
            formError(ctx, "reset", "Reset your password", e, Map.of());
        }
    }

    private void resetForm(Context ctx) {
        String token = ctx.queryParam("token");
        if (!accounts.resetTokenValid(token)) {
            showForm(ctx, "reset", "Reset your password", 400, "This reset link is invalid, used or expired. Ask for a new one.", null, Map.of());
            return;
        }
        showForm(ctx, "reset_confirm", "Choose a new password", 200, null, null, Map.of("token", token));
    }

    private void reset(Context ctx) {
        String token = form(ctx, "token");
        try {
            accounts.resetPassword(token, ctx.formParam("password"));
            showForm(ctx, "login", "Log in", 200, null, "Your password is changed. Log in with it.", Map.of("next", "/"));
        } catch (CommunityException e) {
            formError(ctx, "reset_confirm", "Choose a new password", e, Map.of("token", token));
        }
    }
}
