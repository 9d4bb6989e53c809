UPDATE papers SET hidden = :hidden WHERE arxiv_id = :id
