SELECT COUNT(*) FROM votes WHERE arxiv_id = :id
