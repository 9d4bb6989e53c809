UPDATE papers SET change_seq = :seq WHERE arxiv_id = :arxivId AND hidden = 0
