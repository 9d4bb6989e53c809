package org.paperboy.web;

import java.util.List;

/**
 * The For-you page of a period (or the reader's library): papers in the reader's order, each with
 * its one-line reason and Save / Not interested buttons.
 */
public record ForYouPage(Meta meta, String heading, String periodParam, List<Entry> entries, String csrf, String mode,
                         List<String> categories, List<Entry> suggestions, List<String> follows) {

    /**
     * Said while a large catalog's first count runs after a start (most of a minute at a million
     * papers), when For you shows the period's papers unranked rather than keep the reader waiting.
     */
    public static final String GETTING_READY = "For you is getting ready: this server started a moment ago and is still counting the words "
            + "of its catalog (about a minute for a million papers).";

    public record Entry(String id, String title, String authors, String categories, String reason, boolean saved, String score) {}
}
