SELECT id, digest_key, frequency, period_from, period_to, paper_ids, status, composed_rows, created_at, composed_at
FROM digest_runs WHERE digest_key = :key
