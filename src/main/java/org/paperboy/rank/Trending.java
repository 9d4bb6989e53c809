package org.paperboy.rank;

import java.time.Duration;

/**
 * The trending score of a paper: its upvotes divided by a power of its age, as Hacker News and
 * Lobsters rank stories.
 *
 * <pre>score = upvotes / (ageHours + AGE_OFFSET_HOURS) ^ GRAVITY</pre>
 *
 * <p>Why this shape: votes push a paper up linearly while age pulls it down polynomially, so a
 * fresh paper with a few votes can pass an old one with many, and every paper fades without
 * anyone touching it. The offset keeps a brand-new paper from dividing by nearly zero. Papers are
 * read over days rather than hours, so the gravity is gentler than Hacker News' 1.8: with 1.5 a
 * paper a day old needs about 2.5 times the votes of one half a day old to rank level with it
 * ((26/14)^1.5), and a week-old paper about 17 times the votes of a day-old one ((170/26)^1.5),
 * so a day's best papers stay on the trending page for a few days. Age counts from when the paper entered the feed (its listing day, or its
 * submission when that is later).
 */
public final class Trending {
    /** How fast age pulls a paper down. */
    public static final double GRAVITY = 1.5;
    /** Hours added to every age, so that new papers do not shoot up on their first vote. */
    public static final double AGE_OFFSET_HOURS = 2.0;

    private Trending() {}

    /** Zero for a paper without votes; a negative age (clock skew) counts as zero. */
    public static double score(int upvotes, Duration age) {
        if (upvotes <= 0) return 0;
        double hours = Math.max(0, age.toMillis()) / 3_600_000.0;
        return upvotes / Math.pow(hours + AGE_OFFSET_HOURS, GRAVITY);
    }
}
