SELECT hidden FROM papers WHERE arxiv_id = :id
