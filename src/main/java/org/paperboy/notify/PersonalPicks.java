package org.paperboy.notify;

import java.util.List;
import java.util.Set;
import org.paperboy.paper.Paper;

/**
 * What one subscriber's digest shows for the account behind their address: the "For you"
 * section (the digest period's papers ranked for them, each with the one-line reason the For-you
 * page shows) and the papers they marked Not interested, which leave every section of their mail.
 */
public interface PersonalPicks {
    /** Nothing personal for anyone (previews without accounts, tools that only send the shared digest). */
    PersonalPicks NONE = (email, run) -> Personal.NONE;

    record Pick(Paper paper, String reason) {}

    /** @param hidden base arXiv ids this subscriber never wants to see */
    record Personal(List<Pick> picks, Set<String> hidden) {
        public static final Personal NONE = new Personal(List.of(), Set.of());

        public Personal {
            picks = List.copyOf(picks);
            hidden = Set.copyOf(hidden);
        }
    }

    /** Picks best first; none for an address without a verified account, or an account with too few signals. */
    Personal forSubscriber(String email, DigestRun run);
}
