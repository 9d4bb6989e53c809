package org.paperboy.paper;

/**
 * Where a paper's thumbnail image is served, or null when it has none. The one place the JSON
 * API ({@code thumbnail}) and the paper page ({@code og:image}) ask, so that thumbnails plug in here.
 */
@FunctionalInterface
public interface ThumbnailUrls {

    /** Until thumbnails are made, no paper has one. */
    ThumbnailUrls NONE = p -> null;

    /** An absolute URL, or null. */
    String of(Paper p);
}
