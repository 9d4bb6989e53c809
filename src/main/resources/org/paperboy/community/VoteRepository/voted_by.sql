SELECT arxiv_id FROM votes WHERE user_id = :userId ORDER BY created_at DESC, arxiv_id LIMIT :limit
