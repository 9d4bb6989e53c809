-- Exactly one sender wins each row: the one whose UPDATE still sees it queued.
UPDATE outbox SET status = 'sending', claimed_by = :node, claimed_at = :now
WHERE id IN (<ids>) AND status = 'queued'
