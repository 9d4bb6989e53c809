package org.paperboy.notify;

import java.util.List;

/** A subscriber: a normalised address, how often, where it stands, and its saved searches. */
public record Subscription(long id, String email, Frequency frequency, SubscriptionStatus status, List<String> topics,
                           int hardBounces) {
    public Subscription {
        topics = List.copyOf(topics);
    }
}
