-- A sender hands back rows it claimed but will not get to in time; nothing was sent for them.
UPDATE outbox SET status = 'queued', claimed_by = NULL, claimed_at = NULL
WHERE id IN (<ids>) AND status = 'sending' AND claimed_by = :node
