package org.paperboy.web;

/**
 * A short page about a subscription (subscription-action.jte): a heading, a message, and when
 * {@code action} is set a button that POSTs {@code token} there (confirm, unsubscribe).
 */
public record SubscriptionActionPage(Meta meta, String heading, String message, String action, String token,
                                     String button, String csrf) {
    public static SubscriptionActionPage message(String heading, String message) {
        return new SubscriptionActionPage(Meta.of(heading + " · Paperboy", message), heading, message, null, null, null, null);
    }
}
