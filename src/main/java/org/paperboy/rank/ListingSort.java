package org.paperboy.rank;

import java.util.Locale;

/**
 * How a listing is ordered. The default ranks by upvotes, then by listing time; the names
 * {@code publishedAt} and {@code trending} are the ones Hugging Face's API takes.
 */
public enum ListingSort {
    UPVOTES("upvotes"),
    TRENDING("trending"),
    NEWEST("publishedAt");

    public final String param;

    ListingSort(String param) {
        this.param = param;
    }

    public static ListingSort parse(String text) {
        if (text == null || text.isBlank()) return UPVOTES;
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "upvotes", "votes", "top" -> UPVOTES;
            case "trending", "hot" -> TRENDING;
            case "publishedat", "newest", "new", "date" -> NEWEST;
            default -> throw new PeriodException("sort must be one of upvotes, trending, publishedAt; got '"
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
        };
    }
}
