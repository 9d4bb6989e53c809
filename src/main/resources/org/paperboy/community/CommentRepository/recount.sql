UPDATE papers SET num_comments = (SELECT COUNT(*) FROM comments c WHERE c.arxiv_id = :id AND c.deleted = 0 AND c.hidden = 0) WHERE arxiv_id = :id
