package org.paperboy.notify;

import java.util.Locale;
import java.util.Optional;

/** How often a subscriber gets a digest. */
public enum Frequency {
    DAILY, WEEKLY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "daily" or "weekly" in any case; empty for anything else. */
    public static Optional<Frequency> parse(String s) {
        if (s == null) return Optional.empty();
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "daily" -> Optional.of(DAILY);
            case "weekly" -> Optional.of(WEEKLY);
            default -> Optional.empty();
        };
    }
}
