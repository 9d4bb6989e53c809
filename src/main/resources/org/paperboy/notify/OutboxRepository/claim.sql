-- Exactly one sender wins a row: the one whose UPDATE still sees it queued.
UPDATE outbox SET status = 'sending', claimed_by = :node, claimed_at = :now
WHERE id = :id AND status = 'queued'
