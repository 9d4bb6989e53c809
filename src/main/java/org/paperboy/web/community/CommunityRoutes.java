package org.paperboy.web.community;

import static org.paperboy.web.community.CommunityWeb.form;
import static org.paperboy.web.community.CommunityWeb.ip;
import static org.paperboy.web.community.CommunityWeb.viewer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.paperboy.community.Comment;
import org.paperboy.community.Community;
import org.paperboy.community.CommunityException;
import org.paperboy.community.Submission;
import org.paperboy.paper.Submitter;
import org.paperboy.community.Submissions;
import org.paperboy.community.User;
import org.paperboy.community.VoteRepository.VoteState;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.Csrf;
import org.paperboy.web.HttpError;
import org.paperboy.web.Card;
import org.paperboy.web.Meta;
import org.paperboy.web.PaperPage;
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
        routes.post("/papers/<id>/upvote", this::upvoteForm);
        routes.post("/api/papers/<id>/upvote", ctx -> upvoteApi(ctx, true));
        routes.delete("/api/papers/<id>/upvote", ctx -> upvoteApi(ctx, false));
        routes.get("/submit", this::submitForm);
        routes.post("/submit", this::submit);
        routes.get("/trending", this::trending);
        routes.get("/u/{name}", this::profile);
    }

    /** The base id of the paper in the path; 400 for something that is not an arXiv id. */
    static String paperId(Context ctx) {
        return ArxivId.parse(ctx.pathParam("id")).map(ArxivId::base)
                .orElseThrow(() -> HttpError.badRequest("'" + ctx.pathParam("id") + "' is not an arXiv id."));
    }

    public static String discussionUrl(String arxivId) {
        return "/discussion/" + arxivId;
    }

    /** Where a form about a paper returns when the browser sends no Referer: the paper page, whose discussion is #comments. */
    public static String paperUrl(String arxivId) {
        return "/papers/" + arxivId;
    }

    private void upvoteForm(Context ctx) {
        String id = paperId(ctx);
        User u = viewer(ctx);
        if (u == null) {
            String login = "/login?next=" + URLEncoder.encode(CommunityWeb.back(ctx, paperUrl(id)), StandardCharsets.UTF_8);
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
        ctx.redirect(CommunityWeb.back(ctx, paperUrl(id) + "#comments"), HttpStatus.SEE_OTHER);
    }

    private void upvoteApi(Context ctx, boolean up) {
        String id = paperId(ctx);
        User u = viewer(ctx);
        if (u == null) throw new HttpError(401, "Send Authorization: Bearer TOKEN with a personal API token (see /account).");
        VoteState s = community.votes().vote(u, id, up, ip(ctx));
        ctx.json(Map.of("id", s.arxivId(), "upvotes", s.upvotes(), "upvoted", s.voted()));
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
            CommunityWeb.retryAfter(ctx, e);
            renderSubmit(ctx, e.reason().status, e.getMessage(), null, value);
        }
    }

    private void trending(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        List<Paper> ps = papers.listing(new Listing(today.minusDays(TRENDING_DAYS - 1L), today, List.of(), Listing.Order.TRENDING, 0, TRENDING_SHOWN))
                .stream().filter(p -> p.upvotes() > 0).toList();
        // nothing voted on lately: the newest day's papers, so the page is never a dead end
        LocalDate newest = ps.isEmpty() ? papers.latestDay().orElse(null) : null;
        List<Paper> shown = newest == null ? ps
                : papers.listing(new Listing(newest, newest, List.of(), Listing.Order.UPVOTES, 0, TRENDING_SHOWN));
        User v = viewer(ctx);
        List<PaperRow> rows = rows(shown, v);
        String token = csrf.token(ctx);
        Viewer viewer = v == null ? null : new Viewer(v.username(), token, rows.stream().filter(PaperRow::voted).map(r -> r.paper().id().base())
                .collect(Collectors.toSet()));
        List<Card> cards = rows.stream().map(r -> Card.of(r.paper(), r.submission() == null ? null : r.submission().username())).toList();
        CommunityWeb.render(ctx, templates, "community/trending.jte",
                new TrendingPage(Meta.of("Trending papers · Paperboy", "The papers people upvote most, weighed against age"),
                        token, rows, TRENDING_DAYS, cards, viewer, newest == null ? null : PaperPage.human(newest),
                        newest == null ? null : "/papers?date=" + newest), 200);
    }

    /** Papers with the viewer's votes and their submitters, for any list of cards. */
    public List<PaperRow> rows(List<Paper> ps, User v) {
        List<String> ids = ps.stream().map(p -> p.id().base()).toList();
        Set<String> voted = community.votes().votedAmong(v, ids);
        Map<String, Submitter> subs = papers.submitters(ids);
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
