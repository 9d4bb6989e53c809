SELECT COUNT(*) FROM subscriptions s
WHERE s.status = 'confirmed' AND s.frequency = :frequency
  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.subscription_id = s.id AND o.mail_key = :key)
