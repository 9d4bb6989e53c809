package org.paperboy.community;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import org.paperboy.community.VoteRepository.VoteState;

/** Upvotes: who may vote, how often, and the one-vote-per-account rule (kept by the table). */
public final class Votes {
    private final VoteRepository votes;
    private final RateLimits limits;
    private final Clock clock;

    public Votes(VoteRepository votes, RateLimits limits, Clock clock) {
        this.votes = votes;
        this.limits = limits;
        this.clock = clock;
    }

    /** Sets (up) or withdraws (not up) the account's vote; the count comes back recounted. */
    public VoteState vote(User user, String arxivId, boolean up, String ip) {
        Guards.mayContribute(user, "vote");
        limits.vote(ip, user);
        return votes.set(user.id(), arxivId, up, clock.millis())
                .orElseThrow(() -> CommunityException.notFound("There is no paper " + arxivId + " to vote for."));
    }

    public boolean hasVoted(User user, String arxivId) {
        return user != null && votes.hasVoted(user.id(), arxivId);
    }

    public Set<String> votedAmong(User user, Collection<String> arxivIds) {
        return user == null ? Set.of() : votes.votedAmong(user.id(), arxivIds);
    }
}
