UPDATE papers SET upvotes = (SELECT COUNT(*) FROM votes WHERE votes.arxiv_id = :id) WHERE arxiv_id = :id
