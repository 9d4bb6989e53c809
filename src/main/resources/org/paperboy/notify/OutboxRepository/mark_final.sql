-- failed (permanent error or attempts exhausted) or skipped (no longer wanted); the payload goes.
UPDATE outbox SET status = :status, payload = NULL, attempts = :attempts, last_error = :error, claimed_at = :now
WHERE id = :id AND status = 'sending' AND claimed_by = :node
