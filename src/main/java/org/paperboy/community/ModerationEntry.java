package org.paperboy.community;

/** One line of the public moderation log. */
public record ModerationEntry(long id, long createdAt, String moderator, String action, String targetType,
                              String target, String reason) {}
