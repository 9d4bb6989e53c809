SELECT from_seq, to_seq FROM embedding_ranges
WHERE model = :model AND claimed_by = :node AND until_ms = :until AND done = 0
ORDER BY from_seq LIMIT 1
