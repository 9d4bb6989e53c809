package org.paperboy.ingest;

/** What an arXiv API (Atom) page says besides its entries: opensearch totalResults, and where it was cut off. */
public record AtomPage(Long totalResults, String truncation) {}
