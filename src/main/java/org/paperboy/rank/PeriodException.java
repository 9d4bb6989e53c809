package org.paperboy.rank;

/** A period, page or category that cannot be parsed; the message is safe to show the user. */
public final class PeriodException extends IllegalArgumentException {
    public PeriodException(String message) {
        super(message);
    }
}
