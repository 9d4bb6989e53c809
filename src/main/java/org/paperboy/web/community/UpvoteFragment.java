package org.paperboy.web.community;

/** The upvote button alone, as htmx swaps it in after a vote. */
public record UpvoteFragment(String id, int count, boolean voted, String csrf) {}
