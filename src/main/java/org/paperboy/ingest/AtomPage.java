package org.paperboy.ingest;

import java.util.List;

/** What an arXiv API (Atom) page says besides its entries: opensearch totalResults and the ids arXiv answered with an error. */
public record AtomPage(Long totalResults, int entries, List<String> errors, String truncation) {}
