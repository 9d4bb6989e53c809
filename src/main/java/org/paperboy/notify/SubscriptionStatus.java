package org.paperboy.notify;

import java.util.Locale;

/**
 * Where a subscription stands. Only CONFIRMED addresses receive digests; a PENDING one receives
 * nothing but its confirmation mail; DISABLED means too many hard bounces.
 */
public enum SubscriptionStatus {
    PENDING, CONFIRMED, UNSUBSCRIBED, DISABLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
