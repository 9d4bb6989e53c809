SELECT id, confirm_expires_at FROM subscriptions WHERE confirm_hash = :confirmHash
