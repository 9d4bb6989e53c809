INSERT INTO paper_embeddings (arxiv_id, model, text_hash, vector, change_seq)
VALUES (:arxivId, :model, :textHash, :vector, :seq)
ON CONFLICT (arxiv_id, model) DO UPDATE SET text_hash = excluded.text_hash, vector = excluded.vector, change_seq = excluded.change_seq
