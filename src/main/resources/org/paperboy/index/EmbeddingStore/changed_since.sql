SELECT arxiv_id, change_seq FROM paper_embeddings WHERE model = :model AND change_seq > :seq ORDER BY change_seq LIMIT :limit
