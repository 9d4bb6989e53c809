SELECT COUNT(*) FROM papers p
WHERE NOT EXISTS (SELECT 1 FROM paper_embeddings e WHERE e.arxiv_id = p.arxiv_id AND e.model = :model)
