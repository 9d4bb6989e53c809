package org.paperboy.mail;

/**
 * A failed delivery. Permanent failures (SMTP 5xx: no such user, rejected) must not be retried;
 * temporary ones (4xx, connection refused, timeout) should be, with backoff.
 */
public class MailDeliveryException extends Exception {
    private final boolean permanent;

    public MailDeliveryException(boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
