INSERT INTO subscriptions (email, frequency, status, confirm_hash, confirm_expires_at, confirm_sent_at, hard_bounces, created_at, updated_at)
VALUES (:email, :frequency, 'pending', :confirmHash, :expiresAt, :now, 0, :now, :now)
ON CONFLICT (email) DO NOTHING
RETURNING id
