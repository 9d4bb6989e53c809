package org.paperboy.community;

/** An account ({@code votesPublic}: its profile shows its upvoted papers to everyone). Times are epoch milliseconds; {@code verifiedAt} and {@code bannedAt} are null when not. */
public record User(long id, String username, String email, boolean admin, Long verifiedAt, Long bannedAt, long createdAt,
                   boolean votesPublic) {

    public boolean verified() {
        return verifiedAt != null;
    }

    public boolean banned() {
        return bannedAt != null;
    }
}
