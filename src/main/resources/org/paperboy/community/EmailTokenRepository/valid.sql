SELECT user_id FROM email_tokens WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
