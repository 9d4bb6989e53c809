INSERT INTO api_tokens (user_id, token_hash, name, created_at) VALUES (:userId, :hash, :name, :now)
