-- A sender that died holding a row: give it back (the at-least-once window, as in the digest outbox).
UPDATE mail_queue SET status = 'queued', claimed_by = NULL, claimed_at = NULL,
    last_error = 'claim expired; sender stopped before recording the result'
WHERE status = 'sending' AND claimed_at < :olderThan
