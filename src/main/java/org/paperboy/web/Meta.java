package org.paperboy.web;

/**
 * What every page's head carries: title, description and the canonical URL for Open Graph tags.
 * {@code query} pre-fills the search box in the header.
 */
public record Meta(String title, String description, String canonicalUrl, String query) {
    public static Meta of(String title, String description) {
        return new Meta(title, description, null, "");
    }

    public Meta withCanonical(String url) {
        return new Meta(title, description, url, query);
    }

    public Meta withQuery(String q) {
        return new Meta(title, description, canonicalUrl, q == null ? "" : q);
    }
}
