package org.paperboy.web.community;

import java.time.Instant;
import java.util.List;
import org.paperboy.community.Comment;
import org.paperboy.community.ModerationEntry;
import org.paperboy.web.Meta;

/** The public moderation log; admins also see flagged comments and the action forms. */
public record ModerationPage(Meta meta, String csrf, boolean admin, List<ModerationEntry> entries, List<Comment> flagged,
                             int page, boolean hasNext) {

    public static String when(long millis) {
        return Instant.ofEpochMilli(millis).toString().replace('T', ' ').replaceFirst("\\.\\d+Z$|Z$", " UTC");
    }
}
