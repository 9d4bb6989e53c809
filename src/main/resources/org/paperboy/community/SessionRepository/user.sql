SELECT u.id, u.username, u.email, u.is_admin, u.verified_at, u.banned_at, u.created_at, u.votes_public FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.id_hash = :idHash AND s.expires_at > :now AND u.banned_at IS NULL
