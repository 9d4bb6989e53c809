UPDATE users SET verified_at = :at WHERE id = :id
