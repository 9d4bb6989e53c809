UPDATE email_tokens SET used_at = :now
WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
RETURNING user_id, new_email
