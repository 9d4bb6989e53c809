package org.paperboy.store;

/** What an upsert of a batch did. */
public record UpsertResult(int inserted, int updated, int unchanged) {
    public static final UpsertResult NONE = new UpsertResult(0, 0, 0);

    public UpsertResult plus(UpsertResult o) {
        return new UpsertResult(inserted + o.inserted, updated + o.updated, unchanged + o.unchanged);
    }

    public int total() {
        return inserted + updated + unchanged;
    }
}
