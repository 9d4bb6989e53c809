package org.paperboy.web;

import java.util.Locale;

/** GitHub's way of writing a star count in little room: 999, 1k, 1.2k, 12k, 123k, 1.2M. */
final class StarLabel {
    private StarLabel() {}

    static String compact(int n) {
        if (n < 1_000) return Integer.toString(n);
        if (n < 1_000_000) return scaled(n, 1_000, "k");
        return scaled(n, 1_000_000, "M");
    }

    /** One decimal below 10 of the unit (1.2k), none above (12k); rounded down, so 999,999 is never "1000k". */
    private static String scaled(int n, int unit, String suffix) {
        if (n >= 10 * unit) return n / unit + suffix;
        int tenths = n / (unit / 10);
        return tenths % 10 == 0 ? tenths / 10 + suffix : tenths / 10 + "." + tenths % 10 + suffix;
    }

    static String exact(int n) {
        return String.format(Locale.ENGLISH, "%,d %s on GitHub", n, n == 1 ? "star" : "stars");
    }
}
