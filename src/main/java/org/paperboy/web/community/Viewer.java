package org.paperboy.web.community;

import java.util.Set;

/**
 * What a signed-in visitor's copy of a page needs beyond the shared, cached one: the CSRF token
 * for the forms and which of the shown papers this account has upvoted.
 */
public record Viewer(String username, String csrf, Set<String> voted) {
    public Viewer {
        voted = Set.copyOf(voted);
    }

    public boolean voted(String arxivId) {
        return voted.contains(arxivId);
    }
}
