package org.paperboy.community;

import java.time.Clock;
import java.util.List;

/**
 * Admin actions: hide or restore a paper, a comment or a user (a hidden user is banned: no
 * log-in, votes, comments or submissions, their sessions end at once, and their votes and
 * comments stop counting until they are unbanned). Every action is
 * written to the public, append-only moderation log.
 */
public final class Moderation {
    /** The moderator name for actions taken from the shell. */
    public static final String SHELL = "shell";

    private final ModerationRepository log;
    private final CommentRepository comments;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final Clock clock;

    public Moderation(ModerationRepository log, CommentRepository comments, UserRepository users, SessionRepository sessions, Clock clock) {
        this.log = log;
        this.comments = comments;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    public void hidePaper(User admin, String arxivId, boolean hidden, String reason) {
        Guards.admin(admin);
        if (!log.setPaperHidden(arxivId, hidden, entry(admin.username(), hidden ? "hide" : "restore", "paper", arxivId, reason))) {
            throw CommunityException.notFound("There is no paper " + arxivId + ".");
        }
    }

    public void hideComment(User admin, long commentId, boolean hidden, String reason) {
        Guards.admin(admin);
        Comment c = comments.find(commentId).orElseThrow(() -> CommunityException.notFound("There is no comment " + commentId + "."));
        log.record(entry(admin.username(), hidden ? "hide" : "restore", "comment", commentId + " by " + c.username() + " on " + c.arxivId(), reason),
                h -> comments.setHidden(h, commentId, hidden));
    }

    public void banUser(User admin, String username, boolean banned, String reason) {
        Guards.admin(admin);
        ban(admin.username(), username, banned, reason);
    }

    /** From the shell: no admin account needed. */
    public void ban(String moderator, String username, boolean banned, String reason) {
        User target = users.byUsername(username).orElseThrow(() -> CommunityException.notFound("There is no user " + username + "."));
        if (banned && target.admin()) throw CommunityException.forbidden("Revoke admin rights before banning an admin.");
        log.record(entry(moderator, banned ? "ban" : "unban", "user", target.username(), reason), h -> {
            users.setBanned(h, target.id(), banned ? clock.millis() : null);
            if (banned) sessions.deleteAllOf(h, target.id());
            log.recountPapersOf(h, target.id());
        });
    }

    /** Admin rights are moderation too, so they are logged. */
    public void grantAdmin(String moderator, User target, boolean admin) {
        log.record(entry(moderator, admin ? "grant-admin" : "revoke-admin", "user", target.username(), ""),
                h -> users.setAdmin(h, target.id(), admin));
    }

    public List<ModerationEntry> recent(int limit, int offset) {
        return log.recent(limit, offset);
    }

    private ModerationEntry entry(String moderator, String action, String type, String target, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 500) why = why.substring(0, 500);
        return new ModerationEntry(0, clock.millis(), moderator, action, type, target, why);
    }
}
