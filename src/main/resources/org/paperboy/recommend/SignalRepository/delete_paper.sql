DELETE FROM reader_papers WHERE user_id = :userId AND kind = :kind AND arxiv_id = :id
