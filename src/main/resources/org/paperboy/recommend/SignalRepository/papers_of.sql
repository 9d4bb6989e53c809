SELECT arxiv_id, kind, created_at FROM reader_papers WHERE user_id = :userId ORDER BY created_at DESC, arxiv_id
