-- A sender that died holding rows: give them back. This is the at-least-once window (see OutboxSender).
UPDATE outbox SET status = 'queued', claimed_by = NULL, claimed_at = NULL, last_error = 'claim expired; sender stopped before recording the result'
WHERE status = 'sending' AND claimed_at < :olderThan
