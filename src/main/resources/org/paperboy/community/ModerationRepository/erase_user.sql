-- The row stays (submissions and the moderation log point at it) but nothing personal does: the
-- name and address become placeholders no sign-up can take ('~' is not allowed in a username),
-- and '!' is no password hash, so nobody can log in.
UPDATE users SET username = :name, username_key = :name, email = :email, email_key = :email,
    password_hash = '!', is_admin = 0, verified_at = NULL, banned_at = :now, votes_public = 0
WHERE id = :userId
