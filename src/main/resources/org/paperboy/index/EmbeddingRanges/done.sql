UPDATE embedding_ranges SET done = 1 WHERE model = :model AND from_seq = :from AND claimed_by = :node
