SELECT arxiv_id, kind FROM reader_papers WHERE user_id = :userId AND arxiv_id IN (<ids>)
