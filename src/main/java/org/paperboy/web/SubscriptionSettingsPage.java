package org.paperboy.web;

/** The settings page a digest links to (subscription-settings.jte): frequency, topics, unsubscribe. */
public record SubscriptionSettingsPage(Meta meta, String email, String frequency, String topics, String status,
                                       String action, String unsubscribeAction, String csrf, String message, String error) {}
