package org.paperboy.community;

/**
 * A comment as stored: Markdown {@code body} as written. {@code parentId} is null for a top-level
 * comment. Deleted (by its author) and hidden (by a moderator) comments keep their place in the
 * thread so that replies still make sense.
 */
public record Comment(long id, String arxivId, long userId, String username, Long parentId, String body,
                      long createdAt, Long editedAt, boolean deleted, boolean hidden, int flags) {

    /** Shown as a placeholder rather than its text. */
    public boolean removed() {
        return deleted || hidden;
    }
}
