INSERT INTO digest_runs (digest_key, frequency, period_from, period_to, paper_ids, status, composed_rows, created_at)
VALUES (:key, :frequency, :from, :to, :paperIds, 'composing', 0, :now)
ON CONFLICT (digest_key) DO NOTHING
