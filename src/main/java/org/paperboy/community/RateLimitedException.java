package org.paperboy.community;

/** Too many attempts; the client may try again after {@code retryAfterSeconds}. */
public final class RateLimitedException extends CommunityException {
    private final long retryAfterSeconds;

    public RateLimitedException(String what, long retryAfterSeconds) {
        super(Reason.RATE_LIMITED, "Too many " + what + "; try again in " + human(retryAfterSeconds) + ".");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** "45 seconds", "30 minutes" (1794 s rounds up), "2 hours": what a person reads, not a count of seconds. */
    public static String human(long seconds) {
        if (seconds < 60) return plural(Math.max(1, seconds), "second");
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) return plural(minutes, "minute");
        return plural((minutes + 59) / 60, "hour");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
