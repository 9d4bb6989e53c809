package org.paperboy.community;

/**
 * A community rule that a request broke, with a message safe to show the person who sent it.
 * The web layer maps the {@link Reason} to an HTTP status.
 */
public class CommunityException extends RuntimeException {

    public enum Reason {
        INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), RATE_LIMITED(429), UNAVAILABLE(503);

        public final int status;

        Reason(int status) {
            this.status = status;
        }
    }

    private final Reason reason;

    public CommunityException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static CommunityException invalid(String message) {
        return new CommunityException(Reason.INVALID, message);
    }

    public static CommunityException forbidden(String message) {
        return new CommunityException(Reason.FORBIDDEN, message);
    }

    public static CommunityException notFound(String message) {
        return new CommunityException(Reason.NOT_FOUND, message);
    }
}
