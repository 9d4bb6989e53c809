SELECT MAX(to_seq) FROM embedding_ranges WHERE model = :model
