SELECT arxiv_id FROM papers WHERE hidden = 1 AND arxiv_id IN (<ids>)
