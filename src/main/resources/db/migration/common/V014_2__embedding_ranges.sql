-- The embedding backfill's work queue when several nodes share the database: each row is a range
-- of the papers' change sequence (from_seq exclusive, to_seq inclusive) that one node embeds, so
-- no two nodes compute the same vectors. A range whose node died (until_ms passed, not done) is
-- taken again by another node; the highest to_seq is where the next new range starts.
CREATE TABLE embedding_ranges (
    model      VARCHAR(100) NOT NULL,
    from_seq   BIGINT NOT NULL,
    to_seq     BIGINT NOT NULL,
    claimed_by VARCHAR(64) NOT NULL,
    until_ms   BIGINT NOT NULL,
    done       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (model, from_seq)
);
