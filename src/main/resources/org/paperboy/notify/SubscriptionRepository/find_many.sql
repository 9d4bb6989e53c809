SELECT id, email, frequency, status, hard_bounces FROM subscriptions WHERE id IN (<ids>)
