-- Single use: the hash is cleared in the same statement that confirms.
UPDATE subscriptions
SET status = 'confirmed', confirm_hash = NULL, confirm_expires_at = NULL, confirmed_at = :now, hard_bounces = 0, updated_at = :now
WHERE id = :id AND confirm_hash = :confirmHash
