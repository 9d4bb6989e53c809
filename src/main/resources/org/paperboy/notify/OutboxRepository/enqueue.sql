INSERT INTO outbox (subscription_id, mail_key, run_id, payload, status, attempts, next_attempt_at, message_id, created_at)
VALUES (:subscriptionId, :mailKey, :runId, :payload, 'queued', 0, :now, :messageId, :now)
ON CONFLICT (subscription_id, mail_key) DO NOTHING
