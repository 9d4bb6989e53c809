UPDATE papers SET trending_score = :score WHERE arxiv_id = :id
