-- A first run: whoever inserts the row has it.
INSERT INTO job_state (name, next_run, attempts, updated_at) VALUES (:name, :leaseUntil, 0, :now)
ON CONFLICT (name) DO NOTHING
