package org.paperboy.web.community;

import static org.paperboy.web.community.CommunityRoutes.paperUrl;
import static org.paperboy.web.community.CommunityRoutes.paperId;
import static org.paperboy.web.community.CommunityWeb.form;
import static org.paperboy.web.community.CommunityWeb.ip;
import static org.paperboy.web.community.CommunityWeb.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paperboy.community.Comment;
import org.paperboy.community.CommentNode;
import org.paperboy.community.Community;
import org.paperboy.community.CommunityException;
import org.paperboy.community.User;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.Csrf;
import org.paperboy.web.HttpError;
import org.paperboy.web.Meta;
import org.paperboy.web.RouteGroup;
import org.paperboy.web.Templates;

/**
 * Comments: the discussion page, posting and replying (form, or JSON with a bearer token),
 * editing within the window, deleting, flagging, and the thread as JSON.
 */
public final class CommentRoutes implements RouteGroup {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Community community;
    private final PaperRepository papers;
    private final Csrf csrf;
    private final Templates templates;

    public CommentRoutes(Community community, PaperRepository papers, Csrf csrf, Templates templates) {
        this.community = community;
        this.papers = papers;
        this.csrf = csrf;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/discussion/<id>", ctx -> discussion(ctx, null, "", 200));
        routes.get("/api/papers/<id>/comments", this::commentsApi);
        routes.post("/api/papers/<id>/comments", this::commentApi);
        routes.post("/papers/<id>/comments", this::comment);
        routes.get("/comments/{cid}/edit", ctx -> editForm(ctx, null, null, 200));
        routes.post("/comments/{cid}/edit", this::edit);
        routes.post("/comments/{cid}/delete", this::delete);
        routes.post("/comments/{cid}/flag", this::flag);
    }

    private static long commentId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("cid"));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("'" + ctx.pathParam("cid") + "' is not a comment number.");
        }
    }

    /** The thread as JSON: {@code [{"id","author","html","createdAt","edited","removed","replies":[...]}]}. */
    private void commentsApi(Context ctx) {
        String id = paperId(ctx);
        visiblePaper(id, viewer(ctx));
        ctx.json(community.comments().thread(id, null).stream().map(CommentRoutes::json).toList());
    }

    private static Map<String, Object> json(CommentNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("author", n.username());
        m.put("html", n.html());
        m.put("createdAt", Instant.ofEpochMilli(n.createdAt()).toString());
        m.put("edited", n.edited());
        m.put("removed", n.removedAs());
        m.put("replies", n.replies().stream().map(CommentRoutes::json).toList());
        return m;
    }

    /** For token holders: {@code {"body": "...", "parent": 12}} answers 201 with the new comment's id. */
    private void commentApi(Context ctx) {
        String id = paperId(ctx);
        User u = viewer(ctx);
        if (u == null) throw new HttpError(401, "Send Authorization: Bearer TOKEN with a personal API token (see /account).");
        CommentRequest req = commentRequest(ctx);
        long cid = community.comments().post(u, id, req.parent(), req.body(), ip(ctx));
        ctx.status(201).json(Map.of("id", cid, "paper", id));
    }

    /** The JSON body of a comment posted through the API. */
    public record CommentRequest(String body, Long parent) {}

    /** Far above the longest comment (Comments.MAX_LENGTH characters, even all escaped), far below the server's limit. */
    static final int MAX_JSON_BYTES = 128 * 1024;
    private static final String JSON_SHAPE = "Send a JSON body {\"body\": \"...\", \"parent\": null}.";

    /** The body, read with a size limit and checked for types (Jackson alone would turn {"body": 5} into "5"). */
    private static CommentRequest commentRequest(Context ctx) {
        if (ctx.contentLength() > MAX_JSON_BYTES) throw new HttpError(413, "A comment request is at most " + MAX_JSON_BYTES / 1024 + " KiB.");
        JsonNode n;
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) throw new HttpError(413, "A comment request is at most " + MAX_JSON_BYTES / 1024 + " KiB.");
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw HttpError.badRequest(JSON_SHAPE);
        }
        if (n == null || !n.isObject() || !n.path("body").isTextual()) throw HttpError.badRequest(JSON_SHAPE);
        JsonNode parent = n.path("parent");
        if (!parent.isMissingNode() && !parent.isNull() && !(parent.isIntegralNumber() && parent.canConvertToLong())) {
            throw HttpError.badRequest("\"parent\" is the number of the comment replied to, or null.");
        }
        return new CommentRequest(n.get("body").asText(), parent.isIntegralNumber() ? parent.asLong() : null);
    }

    private Paper visiblePaper(String id, User viewer) {
        Paper p = papers.find(id).orElseThrow(() -> HttpError.notFound("There is no paper " + id + " in the catalog."));
        boolean admin = viewer != null && viewer.admin();
        if (!admin && community.isHidden(id)) throw HttpError.notFound(PaperRepository.HIDDEN_NOTICE);
        return p;
    }

    private void discussion(Context ctx, String error, String draft, int status) {
        String id = paperId(ctx);
        User v = viewer(ctx);
        Paper p = visiblePaper(id, v);
        PaperRow row = new PaperRow(p, community.votes().hasVoted(v, id), community.submitter(id));
        DiscussionPage page = new DiscussionPage(Meta.of("Discussion: " + p.title() + " · Paperboy", "Comments on " + p.title()),
                csrf.token(ctx), row, v, community.comments().thread(id, v), error, draft);
        CommunityWeb.render(ctx, templates, "community/discussion.jte", page, status);
    }

    private void comment(Context ctx) {
        String id = paperId(ctx);
        String body = form(ctx, "body");
        Long parent = parseParent(ctx.formParam("parent"));
        try {
            long cid = community.comments().post(viewer(ctx), id, parent, body, ip(ctx));
            ctx.redirect(CommunityWeb.back(ctx, paperUrl(id)) + "#c" + cid, HttpStatus.SEE_OTHER);
        } catch (CommunityException e) {
            if (e.reason() == CommunityException.Reason.NOT_FOUND) throw e;
            // show the form again with the text, so nothing typed is lost
            CommunityWeb.retryAfter(ctx, e);
            discussion(ctx, e.getMessage(), body, e.reason().status);
        }
    }

    private static Long parseParent(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("'" + s + "' is not a comment number.");
        }
    }

    private void editForm(Context ctx, String error, String draft, int status) {
        Comment c = community.comments().editable(viewer(ctx), commentId(ctx));
        CommentEditPage page = new CommentEditPage(Meta.of("Edit comment · Paperboy", "Edit a comment"), csrf.token(ctx), c, error,
                draft == null ? c.body() : draft);
        CommunityWeb.render(ctx, templates, "community/comment_edit.jte", page, status);
    }

    private void edit(Context ctx) {
        String body = form(ctx, "body");
        try {
            Comment c = community.comments().edit(viewer(ctx), commentId(ctx), body, ip(ctx));
            ctx.redirect(paperUrl(c.arxivId()) + "#c" + c.id(), HttpStatus.SEE_OTHER);
        } catch (CommunityException e) {
            if (e.reason() != CommunityException.Reason.INVALID) throw e;
            editForm(ctx, e.getMessage(), body, 400);
        }
    }

    private void delete(Context ctx) {
        Comment c = community.comments().delete(viewer(ctx), commentId(ctx));
        ctx.redirect(CommunityWeb.back(ctx, paperUrl(c.arxivId())) + "#c" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void flag(Context ctx) {
        Comment c = community.comments().find(commentId(ctx));
        community.comments().flag(viewer(ctx), c.id(), ctx.formParam("reason"));
        ctx.redirect(CommunityWeb.back(ctx, paperUrl(c.arxivId())) + "#c" + c.id(), HttpStatus.SEE_OTHER);
    }

}
