UPDATE papers SET change_seq = :seq WHERE arxiv_id = :arxivId
