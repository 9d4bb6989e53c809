package org.paperboy.community;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Threaded comments: posting, editing within a window, deleting, flagging, and building threads. */
public final class Comments {
    public static final int MAX_LENGTH = 10_000;
    public static final int MAX_FLAG_REASON = 200;

    private final CommentRepository comments;
    private final CommentMarkdown markdown;
    private final RateLimits limits;
    private final Clock clock;
    private final Duration editWindow;

    public Comments(CommentRepository comments, CommentMarkdown markdown, RateLimits limits, Clock clock, Duration editWindow) {
        this.comments = comments;
        this.markdown = markdown;
        this.limits = limits;
        this.clock = clock;
        this.editWindow = editWindow;
    }

    public long post(User user, String arxivId, Long parentId, String body, String ip) {
        Guards.mayContribute(user, "comment");
        String text = checkBody(body);
        limits.comment(ip, user);
        return comments.insert(arxivId, user.id(), parentId, text, clock.millis())
                .orElseThrow(() -> CommunityException.notFound(parentId == null
                        ? "There is no paper " + arxivId + " to comment on."
                        : "The comment you reply to is not on this paper."));
    }

    /** The comment, when this user may edit it now: its author, before it is removed and inside the edit window. */
    public Comment editable(User user, long id) {
        Guards.mayContribute(user, "edit comments");
        Comment c = find(id);
        if (c.userId() != user.id()) throw CommunityException.forbidden("Only its author may edit a comment.");
        if (c.removed()) throw CommunityException.forbidden("A deleted comment cannot be edited.");
        if (!withinEditWindow(c)) throw CommunityException.forbidden("Comments can be edited for " + editWindow.toMinutes() + " minutes after posting.");
        return c;
    }

    public Comment edit(User user, long id, String body, String ip) {
        editable(user, id);
        String text = checkBody(body);
        limits.comment(ip, user);
        comments.edit(id, text, clock.millis());
        return find(id);
    }

    /** The author, or an admin, deletes: the thread keeps a placeholder so replies stay in place. */
    public Comment delete(User user, long id) {
        if (user == null) throw new CommunityException(CommunityException.Reason.UNAUTHENTICATED, "Log in to delete comments.");
        Comment c = find(id);
        if (c.userId() != user.id() && !user.admin()) throw CommunityException.forbidden("Only its author may delete a comment.");
        comments.markDeleted(id);
        return c;
    }

    public int flag(User user, long id, String reason) {
        Guards.mayContribute(user, "flag comments");
        Comment c = find(id);
        String why = reason == null || reason.isBlank() ? "unspecified" : reason.strip();
        if (why.length() > MAX_FLAG_REASON) why = why.substring(0, MAX_FLAG_REASON);
        return comments.flag(c.id(), user.id(), why, clock.millis());
    }

    public Comment find(long id) {
        return comments.find(id).orElseThrow(() -> CommunityException.notFound("There is no comment " + id + "."));
    }

    public boolean withinEditWindow(Comment c) {
        return clock.millis() - c.createdAt() <= editWindow.toMillis();
    }

    public List<Comment> byUser(User user, int limit) {
        return comments.byUser(user.id(), limit);
    }

    public List<Comment> flagged(int limit) {
        return comments.flagged(limit);
    }

    /** The paper's threads as {@code viewer} (null: logged out) sees them. */
    public List<CommentNode> thread(String arxivId, User viewer) {
        List<Comment> all = comments.forPaper(arxivId);
        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment c : all) {
            if (c.parentId() == null) roots.add(c);
            else children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
        }
        List<CommentNode> out = new ArrayList<>();
        for (Comment r : roots) out.add(node(r, children, viewer));
        return out;
    }

    private CommentNode node(Comment c, Map<Long, List<Comment>> children, User viewer) {
        List<CommentNode> replies = new ArrayList<>();
        for (Comment r : children.getOrDefault(c.id(), List.of())) replies.add(node(r, children, viewer));
        boolean mine = viewer != null && viewer.id() == c.userId();
        boolean admin = viewer != null && viewer.admin();
        String removedAs = c.deleted() ? "deleted" : c.hidden() ? "hidden by a moderator" : null;
        boolean showText = removedAs == null || (admin && !c.deleted());
        return new CommentNode(c.id(), removedAs == null || admin ? c.username() : null, showText ? markdown.toHtml(c.body()) : "",
                c.createdAt(), c.editedAt() != null, removedAs, mine && removedAs == null && withinEditWindow(c),
                (mine || admin) && !c.deleted(), admin && !c.deleted(), c.hidden(), admin ? c.flags() : 0, replies, mine);
    }

    private static String checkBody(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) throw CommunityException.invalid("A comment cannot be empty.");
        if (text.length() > MAX_LENGTH) throw CommunityException.invalid("A comment is at most " + MAX_LENGTH + " characters.");
        return text;
    }
}
