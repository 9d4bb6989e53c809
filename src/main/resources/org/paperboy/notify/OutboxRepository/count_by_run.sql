SELECT run_id, status, COUNT(*) AS n FROM outbox WHERE run_id IN (<runIds>) GROUP BY run_id, status
