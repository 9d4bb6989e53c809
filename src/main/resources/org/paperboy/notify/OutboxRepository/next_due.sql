SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'queued'
