DELETE FROM instance_seeds WHERE arxiv_id = :id
