package org.paperboy.web.community;

import gg.jte.Content;
import io.javalin.http.Context;
import java.util.Collection;
import org.paperboy.paper.Paper;

/**
 * How the core pages (listings, the paper page) ask the community layer for per-visitor parts,
 * without depending on its services. {@link #NONE} leaves the pages as they are.
 */
public interface CommunityHooks {

    /** Null for a visitor who is not logged in: they get the shared, cached page. */
    Viewer viewer(Context ctx, Collection<String> paperIds);

    /** The paper page's community section (discussion), or null. */
    Content paperSection(Context ctx, Paper paper);

    /** The paper page's upvote button and submitter, for its header, or null. */
    Content paperVote(Context ctx, Paper paper);

    /** True when a moderator hid the paper and this visitor is not an admin. */
    boolean hiddenFrom(Context ctx, String arxivId);

    CommunityHooks NONE = new CommunityHooks() {
        @Override
        public Viewer viewer(Context ctx, Collection<String> paperIds) {
            return null;
        }

        @Override
        public Content paperSection(Context ctx, Paper paper) {
            return null;
        }

        @Override
        public Content paperVote(Context ctx, Paper paper) {
            return null;
        }

        @Override
        public boolean hiddenFrom(Context ctx, String arxivId) {
            return false;
        }
    };
}
