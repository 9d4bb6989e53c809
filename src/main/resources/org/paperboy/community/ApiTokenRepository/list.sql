SELECT id, name, created_at FROM api_tokens WHERE user_id = :userId ORDER BY id
