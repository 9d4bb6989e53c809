UPDATE users SET banned_at = :at WHERE id = :id
