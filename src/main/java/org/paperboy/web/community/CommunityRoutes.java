package org.paperboy.web.community;

import static org.paperboy.web.community.CommunityWeb.form;
import static org.paperboy.web.community.CommunityWeb.guarded;
import static org.paperboy.web.community.CommunityWeb.ip;
import static org.paperboy.web.community.CommunityWeb.viewer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.community.Comment;
import org.paperboy.community.Community;
import org.paperboy.community.CommunityException;
import org.paperboy.community.Submission;
import org.paperboy.community.Submissions;
import org.paperboy.community.User;
import org.paperboy.community.VoteRepository.VoteState;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.Csrf;
import org.paperboy.web.HttpError;
import org.paperboy.web.Meta;
import org.paperboy.web.RouteGroup;
import org.paperboy.web.Templates;

/**
 * Upvotes (form, htmx and API), comments, submissions, the discussion and trending pages, and
 * profiles. Every state change is a POST (or DELETE) behind the CSRF check or a bearer token.
 */
public final class CommunityRoutes implements RouteGroup {
    /** The trending page covers papers listed in this many days up to today. */
    public static final int TRENDING_DAYS = 7;
    private static final int TRENDING_SHOWN = 50;
    private static final int PROFILE_ITEMS = 50;

    private final Community community;
    private final PaperRepository papers;
    private final Csrf csrf;
    private final Templates templates;
    private final Clock clock;

    public CommunityRoutes(Community community, PaperRepository papers, Csrf csrf, Templates templates, Clock clock) {
        this.community = community;
        this.papers = papers;
        this.csrf = csrf;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/papers/<id>/upvote", guarded(this::upvoteForm));
        routes.post("/api/papers/<id>/upvote", guarded(ctx -> upvoteApi(ctx, true)));
        routes.delete("/api/papers/<id>/upvote", guarded(ctx -> upvoteApi(ctx, false)));
        routes.get("/discussion/<id>", guarded(ctx -> discussion(ctx, null, "", 200)));
        routes.get("/api/papers/<id>/comments", guarded(this::commentsApi));
        routes.post("/api/papers/<id>/comments", guarded(this::commentApi));
        routes.post("/papers/<id>/comments", guarded(this::comment));
        routes.get("/comments/{cid}/edit", guarded(ctx -> editForm(ctx, null, null, 200)));
        routes.post("/comments/{cid}/edit", guarded(this::edit));
        routes.post("/comments/{cid}/delete", guarded(this::delete));
        routes.post("/comments/{cid}/flag", guarded(this::flag));
        routes.get("/submit", this::submitForm);
        routes.post("/submit", this::submit);
        routes.get("/trending", this::trending);
        routes.get("/u/{name}", guarded(this::profile));
    }

    /** The base id of the paper in the path; 400 for something that is not an arXiv id. */
    static String paperId(Context ctx) {
        return ArxivId.parse(ctx.pathParam("id")).map(ArxivId::base)
                .orElseThrow(() -> HttpError.badRequest("'" + ctx.pathParam("id") + "' is not an arXiv id."));
    }

    private static long commentId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("cid"));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("'" + ctx.pathParam("cid") + "' is not a comment number.");
        }
    }

    public static String discussionUrl(String arxivId) {
        return "/discussion/" + arxivId;
    }

    private void upvoteForm(Context ctx) {
        String id = paperId(ctx);
        User u = viewer(ctx);
        if (u == null) {
            String login = "/login?next=" + java.net.URLEncoder.encode(CommunityWeb.back(ctx, discussionUrl(id)), java.nio.charset.StandardCharsets.UTF_8);
            if (CommunityWeb.htmx(ctx)) ctx.header("HX-Redirect", login).status(204);
            else ctx.redirect(login, HttpStatus.SEE_OTHER);
            return;
        }
        VoteState s = community.votes().vote(u, id, !"down".equals(ctx.formParam("vote")), ip(ctx));
        if (CommunityWeb.htmx(ctx)) {
            ctx.contentType("text/html; charset=utf-8")
                    .result(templates.render("community/upvote_fragment.jte", new UpvoteFragment(id, s.upvotes(), s.voted(), csrf.token(ctx))));
            return;
        }
        ctx.redirect(CommunityWeb.back(ctx, discussionUrl(id)), HttpStatus.SEE_OTHER);
    }

    private void upvoteApi(Context ctx, boolean up) {
        String id = paperId(ctx);
        User u = viewer(ctx);
        if (u == null) throw new HttpError(401, "Send Authorization: Bearer TOKEN with a personal API token (see /account).");
        VoteState s = community.votes().vote(u, id, up, ip(ctx));
        ctx.json(Map.of("id", s.arxivId(), "upvotes", s.upvotes(), "upvoted", s.voted()));
    }

    /** The thread as JSON: {@code [{"id","author","html","createdAt","edited","removed","replies":[...]}]}. */
    private void commentsApi(Context ctx) {
        String id = paperId(ctx);
        visiblePaper(id, viewer(ctx));
        ctx.json(community.comments().thread(id, null).stream().map(CommunityRoutes::json).toList());
    }

    private static Map<String, Object> json(org.paperboy.community.CommentNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("author", n.username());
        m.put("html", n.html());
        m.put("createdAt", java.time.Instant.ofEpochMilli(n.createdAt()).toString());
        m.put("edited", n.edited());
        m.put("removed", n.removedAs());
        m.put("replies", n.replies().stream().map(CommunityRoutes::json).toList());
        return m;
    }

    /** For token holders: {@code {"body": "...", "parent": 12}} answers 201 with the new comment's id. */
    private void commentApi(Context ctx) {
        String id = paperId(ctx);
        User u = viewer(ctx);
        if (u == null) throw new HttpError(401, "Send Authorization: Bearer TOKEN with a personal API token (see /account).");
        CommentRequest req;
        try {
            req = ctx.bodyAsClass(CommentRequest.class);
        } catch (Exception e) { // Jackson's parse errors arrive unchecked through Kotlin
            throw HttpError.badRequest("Send a JSON body {\"body\": \"...\", \"parent\": null}.");
        }
        long cid = community.comments().post(u, id, req.parent(), req.body(), ip(ctx));
        ctx.status(201).json(Map.of("id", cid, "paper", id));
    }

    /** The JSON body of a comment posted through the API. */
    public record CommentRequest(String body, Long parent) {}

    private Paper visiblePaper(String id, User viewer) {
        Paper p = papers.find(id).orElseThrow(() -> HttpError.notFound("There is no paper " + id + " in the catalog."));
        boolean admin = viewer != null && viewer.admin();
        if (!admin && community.isHidden(id)) throw HttpError.notFound("This paper was removed from the feed by a moderator.");
        return p;
    }

    private void discussion(Context ctx, String error, String draft, int status) {
        String id = paperId(ctx);
        User v = viewer(ctx);
        Paper p = visiblePaper(id, v);
        PaperRow row = new PaperRow(p, community.votes().hasVoted(v, id), community.submissionRepository().find(id).orElse(null));
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
            ctx.redirect(CommunityWeb.back(ctx, discussionUrl(id)) + "#c" + cid, HttpStatus.SEE_OTHER);
        } catch (CommunityException e) {
            if (e.reason() == CommunityException.Reason.NOT_FOUND) throw e;
            // show the form again with the text, so nothing typed is lost
            CommunityWeb.http(ctx, e);
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
        User u = viewer(ctx);
        if (u == null) throw new HttpError(401, "Log in to edit your comments.");
        Comment c = community.comments().find(commentId(ctx));
        if (c.userId() != u.id()) throw new HttpError(403, "Only its author may edit a comment.");
        if (!community.comments().withinEditWindow(c)) throw new HttpError(403, "The time to edit this comment is over.");
        CommentEditPage page = new CommentEditPage(Meta.of("Edit comment · Paperboy", "Edit a comment"), csrf.token(ctx), c, error,
                draft == null ? c.body() : draft);
        CommunityWeb.render(ctx, templates, "community/comment_edit.jte", page, status);
    }

    private void edit(Context ctx) {
        String body = form(ctx, "body");
        try {
            Comment c = community.comments().edit(viewer(ctx), commentId(ctx), body, ip(ctx));
            ctx.redirect(discussionUrl(c.arxivId()) + "#c" + c.id(), HttpStatus.SEE_OTHER);
        } catch (CommunityException e) {
            if (e.reason() != CommunityException.Reason.INVALID) throw e;
            editForm(ctx, e.getMessage(), body, 400);
        }
    }

    private void delete(Context ctx) {
        Comment c = community.comments().delete(viewer(ctx), commentId(ctx));
        ctx.redirect(CommunityWeb.back(ctx, discussionUrl(c.arxivId())) + "#c" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void flag(Context ctx) {
        Comment c = community.comments().find(commentId(ctx));
        community.comments().flag(viewer(ctx), c.id(), ctx.formParam("reason"));
        ctx.redirect(CommunityWeb.back(ctx, discussionUrl(c.arxivId())) + "#c" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void submitForm(Context ctx) {
        if (viewer(ctx) == null) {
            ctx.redirect("/login?next=/submit", HttpStatus.SEE_OTHER);
            return;
        }
        renderSubmit(ctx, 200, null, null, "");
    }

    private void renderSubmit(Context ctx, int status, String error, String notice, String value) {
        FormPage page = new FormPage(Meta.of("Submit a paper · Paperboy", "Put a paper on today's page"), csrf.token(ctx), error, notice,
                Map.of("paper", value));
        CommunityWeb.render(ctx, templates, "community/submit.jte", page, status);
    }

    private void submit(Context ctx) {
        String value = form(ctx, "paper");
        try {
            Submissions.Outcome o = community.submissions().submit(viewer(ctx), value, ip(ctx));
            String id = o.paper().id().base();
            String what = o.alreadySubmitted()
                    ? "“" + o.paper().title() + "” (" + id + ") was already submitted by " + o.submission().username() + "."
                    : "“" + o.paper().title() + "” (" + id + ") is on today's page" + (o.fetched() ? " (fetched from arXiv)." : ".");
            renderSubmit(ctx, 200, null, what, "");
        } catch (CommunityException e) {
            if (e.reason() == CommunityException.Reason.UNAUTHENTICATED) {
                ctx.redirect("/login?next=/submit", HttpStatus.SEE_OTHER);
                return;
            }
            CommunityWeb.http(ctx, e);
            renderSubmit(ctx, e.reason().status, e.getMessage(), null, value);
        }
    }

    private void trending(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        List<Paper> ps = papers.listing(new Listing(today.minusDays(TRENDING_DAYS - 1L), today, List.of(), Listing.Order.TRENDING, 0, TRENDING_SHOWN))
                .stream().filter(p -> p.upvotes() > 0).toList();
        CommunityWeb.render(ctx, templates, "community/trending.jte",
                new TrendingPage(Meta.of("Trending papers · Paperboy", "The papers people upvote most, weighed against age"),
                        csrf.token(ctx), rows(ps, viewer(ctx)), TRENDING_DAYS), 200);
    }

    /** Papers with the viewer's votes and their submitters, for any list of cards. */
    public List<PaperRow> rows(List<Paper> ps, User v) {
        List<String> ids = ps.stream().map(p -> p.id().base()).toList();
        Set<String> voted = community.votes().votedAmong(v, ids);
        Map<String, Submission> subs = community.submissionRepository().forPapers(ids);
        List<PaperRow> out = new ArrayList<>();
        for (Paper p : ps) out.add(new PaperRow(p, voted.contains(p.id().base()), subs.get(p.id().base())));
        return out;
    }

    private void profile(Context ctx) {
        User shown = community.accounts().byUsername(ctx.pathParam("name"))
                .orElseThrow(() -> HttpError.notFound("There is no user " + ctx.pathParam("name") + "."));
        User v = viewer(ctx);
        boolean self = v != null && v.id() == shown.id();
        List<Submission> subs = community.submissions().byUser(shown, PROFILE_ITEMS);
        List<Comment> comments = community.comments().byUser(shown, PROFILE_ITEMS);
        List<String> upvoted = self || shown.votesPublic() ? community.voteRepository().votedBy(shown.id(), PROFILE_ITEMS) : null;
        Set<String> ids = new HashSet<>();
        subs.forEach(s -> ids.add(s.arxivId()));
        comments.forEach(c -> ids.add(c.arxivId()));
        if (upvoted != null) ids.addAll(upvoted);
        Map<String, String> titles = new LinkedHashMap<>();
        papers.findMany(ids).forEach((id, p) -> titles.put(id, p.title()));
        ProfilePage page = new ProfilePage(Meta.of(shown.username() + " · Paperboy", "Papers submitted and discussed by " + shown.username()),
                csrf.token(ctx), shown, self, v != null && v.admin(), subs, comments, upvoted, titles);
        CommunityWeb.render(ctx, templates, "community/profile.jte", page, 200);
    }
}
