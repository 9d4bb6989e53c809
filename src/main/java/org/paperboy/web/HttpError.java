package org.paperboy.web;

/**
 * A request that cannot be served, with the status and a message safe to show the user.
 * {@link WebServer} turns it into an HTML error page, or a JSON body under {@code /api/}.
 */
public class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }
}
