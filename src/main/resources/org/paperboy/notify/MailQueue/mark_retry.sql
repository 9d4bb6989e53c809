UPDATE mail_queue SET status = 'queued', attempts = :attempts, next_attempt_at = :nextAttemptAt, last_error = :error,
    claimed_by = NULL, claimed_at = NULL
WHERE id = :id AND status = 'sending' AND claimed_by = :node
