package org.paperboy.paper;

/** One author in the paper's order; affiliation is null when the source gives none. */
public record Author(String name, String affiliation) {
    public Author {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("author without a name");
        name = name.strip();
        affiliation = affiliation == null || affiliation.isBlank() ? null : affiliation.strip();
    }

    public static Author named(String name) {
        return new Author(name, null);
    }
}
