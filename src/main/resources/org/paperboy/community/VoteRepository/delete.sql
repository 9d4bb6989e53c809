DELETE FROM votes WHERE user_id = :userId AND arxiv_id = :id
