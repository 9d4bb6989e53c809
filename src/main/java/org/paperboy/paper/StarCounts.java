package org.paperboy.paper;

import java.util.OptionalInt;

/** The stars of the GitHub repository a link points to, where they are known. */
@FunctionalInterface
public interface StarCounts {

    /** Without the stars job (off, offline, tests), no repository has a count. */
    StarCounts NONE = url -> OptionalInt.empty();

    OptionalInt of(String url);
}
