SELECT o.id, o.subscription_id, o.mail_key, o.run_id, o.payload, o.status, o.attempts, o.message_id, o.claimed_by,
       s.email, s.frequency, s.status AS subscription_status, s.hard_bounces, s.confirm_hash
FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
WHERE o.id IN (<ids>) AND o.status = 'sending' AND o.claimed_by = :node
ORDER BY o.id
