SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM mail_queue WHERE status IN ('queued', 'sending')
