package org.paperboy.web.community;

import java.util.List;
import java.util.Map;
import org.paperboy.community.Comment;
import org.paperboy.community.Submission;
import org.paperboy.community.User;
import org.paperboy.web.Meta;

/**
 * /u/{name}: submissions and comments are public; upvoted papers only to the account itself
 * ({@code upvoted} is null for everyone else). {@code titles} names the papers listed.
 */
public record ProfilePage(Meta meta, String csrf, User shown, boolean self, boolean viewerIsAdmin, List<Submission> submissions,
                          List<Comment> comments, List<String> upvoted, Map<String, String> titles) {

    public String title(String arxivId) {
        return titles.getOrDefault(arxivId, arxivId);
    }
}
