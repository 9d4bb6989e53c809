INSERT INTO instance_seeds (arxiv_id, created_at) VALUES (:id, :now) ON CONFLICT (arxiv_id) DO NOTHING
