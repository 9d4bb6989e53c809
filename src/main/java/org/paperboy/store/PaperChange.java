package org.paperboy.store;

import org.paperboy.paper.Paper;

/** A paper with the change sequence of its latest write, as followers read them. */
public record PaperChange(long seq, Paper paper) {}
