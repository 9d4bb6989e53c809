SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= :now ORDER BY id LIMIT :limit
