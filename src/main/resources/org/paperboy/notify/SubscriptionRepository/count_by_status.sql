SELECT status, frequency, COUNT(*) FROM subscriptions GROUP BY status, frequency
