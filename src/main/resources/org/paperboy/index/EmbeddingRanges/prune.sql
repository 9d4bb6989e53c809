-- Finished ranges say nothing any more, except the last one: its to_seq is where the next starts.
DELETE FROM embedding_ranges
WHERE model = :model AND done = 1 AND to_seq < (SELECT MAX(to_seq) FROM embedding_ranges WHERE model = :model)
