-- Confirmation mails belong to no digest run.
SELECT status, COUNT(*) AS n FROM outbox WHERE run_id IS NULL GROUP BY status
