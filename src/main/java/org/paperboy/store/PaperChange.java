package org.paperboy.store;

import org.paperboy.paper.Paper;

/**
 * A paper with the change sequence of its latest write, as followers read them.
 *
 * @param hidden      removed from the feed (by a moderator, or withdrawn by arXiv): followers drop it from what they serve
 * @param contentHash of the paper's content: unchanged when only votes, comments or moderation moved the sequence
 */
public record PaperChange(long seq, Paper paper, boolean hidden, String contentHash) {}
