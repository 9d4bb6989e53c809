SELECT arxiv_id FROM votes WHERE user_id = :userId AND arxiv_id IN (<ids>)
