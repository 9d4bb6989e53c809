SELECT id, email, frequency, status, hard_bounces FROM subscriptions
WHERE status = 'confirmed' AND frequency = :frequency ORDER BY id LIMIT 1
