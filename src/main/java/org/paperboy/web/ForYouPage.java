package org.paperboy.web;

import java.util.List;

/**
 * The For-you page of a period (or the reader's library): papers in the reader's order, each with
 * its one-line reason and Save / Not interested buttons.
 */
public record ForYouPage(Meta meta, String heading, String periodParam, List<Entry> entries, String csrf, String mode,
                         List<String> categories, List<Entry> suggestions, List<String> follows) {

    public record Entry(String id, String title, String authors, String categories, String reason, boolean saved, String score) {}
}
