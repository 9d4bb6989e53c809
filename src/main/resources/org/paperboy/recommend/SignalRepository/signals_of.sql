SELECT arxiv_id, kind, created_at FROM reader_papers WHERE user_id = :userId UNION ALL SELECT arxiv_id, 'vote' AS kind, created_at FROM votes WHERE user_id = :userId
