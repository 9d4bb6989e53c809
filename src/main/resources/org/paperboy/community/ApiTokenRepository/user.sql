SELECT u.id, u.username, u.email, u.is_admin, u.verified_at, u.banned_at, u.created_at, u.votes_public FROM api_tokens t JOIN users u ON u.id = t.user_id
WHERE t.token_hash = :hash AND u.banned_at IS NULL
