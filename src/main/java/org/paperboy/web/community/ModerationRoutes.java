package org.paperboy.web.community;

import static org.paperboy.web.community.CommunityWeb.form;
import static org.paperboy.web.community.CommunityWeb.viewer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.paperboy.community.Comment;
import org.paperboy.community.Community;
import org.paperboy.community.ModerationEntry;
import org.paperboy.community.User;
import org.paperboy.paper.ArxivId;
import org.paperboy.web.Csrf;
import org.paperboy.web.HttpError;
import org.paperboy.web.Meta;
import org.paperboy.web.RouteGroup;
import org.paperboy.web.Templates;

/** /moderation: the public log; for admins, the forms that hide and restore papers, comments and users. */
public final class ModerationRoutes implements RouteGroup {
    private static final int PAGE = 50;

    private final Community community;
    private final Csrf csrf;
    private final Templates templates;

    public ModerationRoutes(Community community, Csrf csrf, Templates templates) {
        this.community = community;
        this.csrf = csrf;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/moderation", this::log);
        routes.post("/moderation/papers", this::paper);
        routes.post("/moderation/comments/{cid}/{action}", this::comment);
        routes.post("/moderation/users", this::user);
    }

    private void log(Context ctx) {
        int page = pageNumber(ctx.queryParam("p"));
        User v = viewer(ctx);
        boolean admin = v != null && v.admin();
        List<ModerationEntry> entries = community.moderation().recent(PAGE + 1, (page - 1) * PAGE);
        List<Comment> flagged = admin ? community.comments().flagged(PAGE) : List.of();
        ModerationPage p = new ModerationPage(Meta.of("Moderation log · Paperboy", "Every moderation action on this Paperboy"),
                csrf.token(ctx), admin, entries.subList(0, Math.min(PAGE, entries.size())), flagged, page, entries.size() > PAGE);
        CommunityWeb.render(ctx, templates, "community/moderation.jte", p, 200);
    }

    private static int pageNumber(String s) {
        if (s == null || s.isBlank()) return 1;
        try {
            int p = Integer.parseInt(s);
            if (p >= 1 && p <= 100_000) return p;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw HttpError.badRequest("'" + s + "' is not a page number.");
    }

    private void paper(Context ctx) {
        String id = ArxivId.parse(form(ctx, "id")).map(ArxivId::base)
                .orElseThrow(() -> HttpError.badRequest("'" + form(ctx, "id") + "' is not an arXiv id."));
        community.moderation().hidePaper(viewer(ctx), id, !"restore".equals(ctx.formParam("action")), ctx.formParam("reason"));
        ctx.redirect("/moderation", HttpStatus.SEE_OTHER);
    }

    private void comment(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("cid"));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("'" + ctx.pathParam("cid") + "' is not a comment number.");
        }
        String action = ctx.pathParam("action");
        if (!action.equals("hide") && !action.equals("restore")) throw HttpError.notFound("No such moderation action.");
        community.moderation().hideComment(viewer(ctx), id, action.equals("hide"), ctx.formParam("reason"));
        ctx.redirect(CommunityWeb.back(ctx, "/moderation"), HttpStatus.SEE_OTHER);
    }

    private void user(Context ctx) {
        community.moderation().banUser(viewer(ctx), form(ctx, "username").strip(), !"unban".equals(ctx.formParam("action")), ctx.formParam("reason"));
        ctx.redirect("/moderation", HttpStatus.SEE_OTHER);
    }
}
