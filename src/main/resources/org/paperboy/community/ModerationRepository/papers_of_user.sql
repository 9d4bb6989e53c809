SELECT arxiv_id FROM votes WHERE user_id = :userId
UNION
SELECT arxiv_id FROM comments WHERE user_id = :userId
