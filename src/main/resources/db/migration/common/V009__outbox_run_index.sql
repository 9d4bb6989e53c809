-- The admin page counts each recent digest's rows by status; without this it scanned the whole outbox per digest.
CREATE INDEX outbox_run ON outbox (run_id, status);
