package org.paperboy.community;

/** Who may do what: shared by votes, comments and submissions. */
final class Guards {
    private Guards() {}

    /** Logged in, not banned, e-mail verified. */
    static void mayContribute(User user, String what) {
        if (user == null) throw new CommunityException(CommunityException.Reason.UNAUTHENTICATED, "Log in to " + what + ".");
        if (user.banned()) throw CommunityException.forbidden("This account is banned.");
        if (!user.verified()) throw CommunityException.forbidden("Confirm your e-mail address before you " + what + " (see your account page).");
    }

    static void admin(User user) {
        if (user == null) throw new CommunityException(CommunityException.Reason.UNAUTHENTICATED, "Log in as an admin.");
        if (!user.admin() || user.banned()) throw CommunityException.forbidden("Only admins may do that.");
    }
}
