INSERT INTO users (username, username_key, email, email_key, password_hash, is_admin, verified_at, created_at)
SELECT :username, :usernameKey, :email, :emailKey, :hash,
       CASE WHEN EXISTS (SELECT 1 FROM users) THEN 0 ELSE 1 END, :verifiedAt, :now
RETURNING id
