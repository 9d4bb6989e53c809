-- Wins for one caller only: a second subscribe inside the window changes nothing and sends nothing.
UPDATE subscriptions
SET status = 'pending', frequency = :frequency, confirm_hash = :confirmHash, confirm_expires_at = :expiresAt,
    confirm_sent_at = :now, updated_at = :now
WHERE id = :id AND status <> 'confirmed' AND (confirm_sent_at IS NULL OR confirm_sent_at < :windowStart)
