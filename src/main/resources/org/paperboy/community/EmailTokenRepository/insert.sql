INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES (:hash, :userId, :purpose, :now, :expiresAt)
