SELECT arxiv_id, vector FROM paper_embeddings WHERE model = :model AND arxiv_id IN (<ids>)
