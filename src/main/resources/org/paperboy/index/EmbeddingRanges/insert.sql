-- Two nodes starting the same new range: the primary key lets one in.
INSERT INTO embedding_ranges (model, from_seq, to_seq, claimed_by, until_ms, done)
VALUES (:model, :from, :to, :node, :until, 0)
ON CONFLICT (model, from_seq) DO NOTHING
