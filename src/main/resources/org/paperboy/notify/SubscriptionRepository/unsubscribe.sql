UPDATE subscriptions SET status = 'unsubscribed', confirm_hash = NULL, confirm_expires_at = NULL, updated_at = :now
WHERE id = :id AND status <> 'unsubscribed'
