INSERT INTO votes (user_id, arxiv_id, created_at) VALUES (:userId, :id, :now) ON CONFLICT (user_id, arxiv_id) DO NOTHING
