package org.paperboy.mail;

/** Delivers one message, or says whether a failure is worth retrying. */
public interface MailTransport {

    void send(Mail mail) throws MailDeliveryException;

    /** Where mail goes, for the start-up log line (no secrets). */
    String describe();
}
