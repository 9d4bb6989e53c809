INSERT INTO email_tokens (token_hash, user_id, purpose, new_email, created_at, expires_at)
VALUES (:hash, :userId, :purpose, :newEmail, :now, :expiresAt)
