package org.paperboy.community;

import java.util.Optional;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;

/**
 * Fetches one paper that the catalog lacks, for "submit a paper". App wires it to the arXiv API
 * client of the ingest package; tests give their own.
 */
@FunctionalInterface
public interface PaperFetcher {

    /** Empty when arXiv has no such paper; throws {@link Unavailable} when arXiv cannot be asked. */
    Optional<Paper> fetch(ArxivId id) throws Unavailable;

    /** arXiv could not be reached or answered with an error (timeout, 503 ...). */
    final class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Used until a real client is wired in: every unknown paper is "arXiv unreachable". */
    PaperFetcher NONE = id -> {
        throw new Unavailable("no arXiv client configured", null);
    };
}
