SELECT arxiv_id FROM reader_papers WHERE user_id = :userId AND kind = :kind ORDER BY created_at DESC, arxiv_id
