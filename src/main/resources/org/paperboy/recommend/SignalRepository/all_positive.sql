SELECT arxiv_id, kind, created_at FROM reader_papers WHERE kind IN ('save', 'seed') UNION ALL SELECT arxiv_id, 'vote', created_at FROM votes
