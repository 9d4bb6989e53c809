package org.paperboy.notify;

/**
 * One mail in the outbox with what the sender needs of its subscriber. {@code runId} is null for a
 * confirmation, whose {@code payload} holds the token until it is sent.
 */
public record OutboxRow(long id, long subscriptionId, String mailKey, Long runId, String payload, String status,
                        int attempts, String messageId, String email, Frequency frequency,
                        SubscriptionStatus subscriptionStatus, int hardBounces, String confirmHash) {

    public boolean isConfirmation() {
        return runId == null;
    }
}
