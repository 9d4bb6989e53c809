SELECT kind, target, created_at FROM reader_follows WHERE user_id = :userId ORDER BY kind, target
