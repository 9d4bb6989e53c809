package org.paperboy.notify;

/** A subscriber's input that cannot be accepted; the message is safe to show them. */
public class InvalidInput extends RuntimeException {
    public InvalidInput(String message) {
        super(message, null, false, false);
    }
}
