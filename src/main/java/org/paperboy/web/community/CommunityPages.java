package org.paperboy.web.community;

import gg.jte.Content;
import io.javalin.http.Context;
import java.util.Collection;
import org.paperboy.community.Community;
import org.paperboy.community.User;
import org.paperboy.paper.Paper;
import org.paperboy.web.Csrf;
import org.paperboy.web.Templates;

/** The community's parts of the core pages: per-visitor upvote state and the paper's discussion. */
public final class CommunityPages implements CommunityHooks {
    private final Community community;
    private final Csrf csrf;
    private final Templates templates;

    public CommunityPages(Community community, Csrf csrf, Templates templates) {
        this.community = community;
        this.csrf = csrf;
        this.templates = templates;
    }

    @Override
    public Viewer viewer(Context ctx, Collection<String> paperIds) {
        User u = CommunityWeb.viewer(ctx);
        if (u == null) return null;
        return new Viewer(u.username(), csrf.token(ctx), community.votes().votedAmong(u, paperIds));
    }

    /** The paper's section, built once per request and shared by the two hooks that render it. */
    private PaperSection section(Context ctx, Paper paper) {
        String key = "paperboy.paper-section." + paper.id().base();
        PaperSection cached = ctx.attribute(key);
        if (cached != null) return cached;
        User u = CommunityWeb.viewer(ctx);
        String id = paper.id().base();
        PaperSection s = new PaperSection(id, paper.upvotes(), paper.numComments(), community.votes().hasVoted(u, id), u == null ? "" : csrf.token(ctx),
                community.submitter(id), u, community.comments().thread(id, u));
        ctx.attribute(key, s);
        return s;
    }

    @Override
    public Content paperSection(Context ctx, Paper paper) {
        String html = templates.render("community/paper_section.jte", section(ctx, paper));
        return output -> output.writeContent(html);
    }

    @Override
    public Content paperVote(Context ctx, Paper paper) {
        String html = templates.render("community/paper_vote.jte", section(ctx, paper));
        return output -> output.writeContent(html);
    }

    @Override
    public boolean hiddenFrom(Context ctx, String arxivId) {
        User u = CommunityWeb.viewer(ctx);
        return (u == null || !u.admin()) && community.isHidden(arxivId);
    }
}
