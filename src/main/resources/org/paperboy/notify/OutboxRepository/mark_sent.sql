UPDATE outbox SET status = 'sent', payload = NULL, sent_at = :now, attempts = attempts + 1, last_error = NULL
WHERE id = :id AND status = 'sending' AND claimed_by = :node
