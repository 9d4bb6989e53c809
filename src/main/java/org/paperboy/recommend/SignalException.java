package org.paperboy.recommend;

/** A signal that cannot be recorded, with the HTTP status and a message safe to show its reader. */
public final class SignalException extends RuntimeException {
    private final int status;

    public SignalException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static SignalException notFound(String arxivId) {
        return new SignalException(404, "There is no paper " + arxivId + " in this catalog.");
    }

    static SignalException badRequest(String message) {
        return new SignalException(400, message);
    }
}
