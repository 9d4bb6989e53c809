package org.paperboy.web;

/**
 * What every page's head carries: title, description and the canonical URL for Open Graph tags.
 * {@code query} pre-fills the search box in the header; {@code image} is the page's picture for
 * {@code og:image} (null for none).
 */
public record Meta(String title, String description, String canonicalUrl, String query, String image) {
    public static Meta of(String title, String description) {
        return new Meta(title, description, null, "", null);
    }

    public Meta withCanonical(String url) {
        return new Meta(title, description, url, query, image);
    }

    public Meta withQuery(String q) {
        return new Meta(title, description, canonicalUrl, q == null ? "" : q, image);
    }

    public Meta withImage(String url) {
        return new Meta(title, description, canonicalUrl, query, url);
    }
}
