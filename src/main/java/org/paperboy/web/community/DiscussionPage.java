package org.paperboy.web.community;

import java.util.List;
import org.paperboy.community.CommentNode;
import org.paperboy.community.User;
import org.paperboy.web.Meta;

/** A paper's discussion: the paper, its vote button and its threaded comments. */
public record DiscussionPage(Meta meta, String csrf, PaperRow row, User viewer, List<CommentNode> thread, String error,
                             String draft) {}
