package org.paperboy.web.community;

import java.util.List;
import org.paperboy.community.CommentNode;
import org.paperboy.paper.Submitter;
import org.paperboy.community.User;

/** The community part of a paper page: its upvote button, who submitted it, its discussion. */
public record PaperSection(String arxivId, int upvotes, int numComments, boolean voted, String csrf, Submitter submission, User viewer,
                           List<CommentNode> thread) {}
