-- Embedding vectors per (paper, model), computed once and reused by every reindex.
-- The vector is float32 little-endian; only its column type differs between vendors.
CREATE TABLE paper_embeddings (
    arxiv_id   VARCHAR(64) NOT NULL REFERENCES papers (arxiv_id) ON DELETE CASCADE,
    model      VARCHAR(64) NOT NULL,
    text_hash  VARCHAR(32) NOT NULL,            -- of the embedded text; a changed abstract is re-embedded
    vector     ${bytes} NOT NULL,
    change_seq BIGINT NOT NULL,                 -- from counters.embedding_change; index followers read in this order
    PRIMARY KEY (arxiv_id, model)
);
CREATE INDEX paper_embeddings_change ON paper_embeddings (model, change_seq);
INSERT INTO counters (name, value) VALUES ('embedding_change', 0);
