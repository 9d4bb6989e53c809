package org.paperboy.web.community;

import org.paperboy.paper.Submitter;
import org.paperboy.paper.Paper;

/** A paper in a community list (trending, profiles): with the viewer's vote and who submitted it. */
public record PaperRow(Paper paper, boolean voted, Submitter submission) {}
