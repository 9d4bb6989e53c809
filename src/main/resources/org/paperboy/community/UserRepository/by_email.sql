SELECT id, username, email, is_admin, verified_at, banned_at, created_at, votes_public FROM users WHERE email_key = :key
