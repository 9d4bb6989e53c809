package org.paperboy.community;

/** Too many attempts; the client may try again after {@code retryAfterSeconds}. */
public final class RateLimitedException extends CommunityException {
    private final long retryAfterSeconds;

    public RateLimitedException(String what, long retryAfterSeconds) {
        super(Reason.RATE_LIMITED, "Too many " + what + "; try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
