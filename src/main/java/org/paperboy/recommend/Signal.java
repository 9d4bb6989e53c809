package org.paperboy.recommend;

/** One thing a reader did to a paper that the model learns from. */
public record Signal(String paperId, Kind kind) {
    public enum Kind {
        SAVED("saved", true), UPVOTED("upvoted", true), SEEDED("added to your profile", true), HIDDEN("marked not interested", false);

        /** The words after "which you" in a reason. */
        public final String verb;
        public final boolean positive;

        Kind(String verb, boolean positive) {
            this.verb = verb;
            this.positive = positive;
        }
    }
}
