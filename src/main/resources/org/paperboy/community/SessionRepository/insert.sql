INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (:idHash, :userId, :now, :expiresAt)
