SELECT upvotes FROM papers WHERE arxiv_id = :id
