SELECT arxiv_id FROM instance_seeds ORDER BY created_at DESC, arxiv_id
