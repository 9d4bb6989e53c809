INSERT INTO submissions (arxiv_id, user_id, featured_date, created_at) VALUES (:id, :userId, :day, :now) ON CONFLICT (arxiv_id) DO NOTHING
