-- Delivered and failed mails per UTC day (epoch milliseconds / one day), for the admin chart.
SELECT COALESCE(sent_at, claimed_at) / 86400000 AS epoch_day, status, COUNT(*) AS n
FROM outbox
WHERE status IN ('sent', 'failed') AND COALESCE(sent_at, claimed_at) >= :from
GROUP BY COALESCE(sent_at, claimed_at) / 86400000, status
