package org.paperboy.community;

import java.util.List;

/**
 * A comment as one viewer sees it in a thread: sanitised HTML (empty when removed), what the
 * viewer may do with it, and its replies.
 *
 * @param removedAs "deleted" or "hidden by a moderator" when the text is gone, else null
 */
public record CommentNode(long id, String username, String html, long createdAt, boolean edited, String removedAs,
                          boolean editable, boolean deletable, boolean hideable, boolean hidden, int flags,
                          List<CommentNode> replies, boolean mine) {}
