SELECT COUNT(*) FROM comments WHERE arxiv_id = :id
