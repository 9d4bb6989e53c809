SELECT status, COUNT(*) FROM outbox WHERE mail_key LIKE :keyPattern GROUP BY status
