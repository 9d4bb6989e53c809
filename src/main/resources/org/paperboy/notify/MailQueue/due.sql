SELECT id FROM mail_queue WHERE status = 'queued' AND next_attempt_at <= :now ORDER BY id LIMIT :limit
