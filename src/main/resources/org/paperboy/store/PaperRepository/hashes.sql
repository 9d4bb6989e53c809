SELECT arxiv_id, content_hash FROM papers WHERE arxiv_id IN (<ids>)
