package org.paperboy.web;

/** The subscribe page (subscribe.jte): the form, and what happened to the last submission. */
public record SubscribePage(Meta meta, String csrf, String email, String frequency, String message, String error, String topics) {
    public SubscribePage(Meta meta, String csrf, String email, String frequency, String message, String error) {
        this(meta, csrf, email, frequency, message, error, "");
    }
}
