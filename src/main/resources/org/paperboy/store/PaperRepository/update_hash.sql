UPDATE papers SET content_hash = :hash WHERE arxiv_id = :arxivId
