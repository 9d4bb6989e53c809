-- Rows a sender holds right now: after a pass they belong to another sender, alive or dead.
SELECT COUNT(*) AS n, MIN(claimed_at) AS oldest FROM outbox WHERE status = 'sending'
