package org.paperboy.web;

/**
 * A listing page model and its HTML as rendered for a visitor who is not signed in. Features that
 * show per-visitor state (such as "you upvoted this") render {@link #page()} themselves for
 * signed-in visitors and may serve {@link #anonymousHtml()} (plain or gzip) to everyone else.
 */
public record RenderedListing(ListingPage page, CachedBody anonymousHtml) {}
