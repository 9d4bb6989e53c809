SELECT p.arxiv_id, p.title, p.abstract, p.change_seq, e.text_hash
FROM papers p LEFT JOIN paper_embeddings e ON e.arxiv_id = p.arxiv_id AND e.model = :model
WHERE p.change_seq > :seq ORDER BY p.change_seq LIMIT :limit
