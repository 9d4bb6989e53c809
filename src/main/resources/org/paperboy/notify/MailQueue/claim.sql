-- Exactly one sender (thread or node) wins a row: the one whose UPDATE still sees it queued.
UPDATE mail_queue SET status = 'sending', claimed_by = :node, claimed_at = :now
WHERE id = :id AND status = 'queued'
