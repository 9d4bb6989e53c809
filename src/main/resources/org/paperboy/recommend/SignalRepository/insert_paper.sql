INSERT INTO reader_papers (user_id, kind, arxiv_id, created_at) VALUES (:userId, :kind, :id, :now) ON CONFLICT (user_id, kind, arxiv_id) DO NOTHING
