-- Compare-and-set on the next run this node saw: of several nodes, one moves it.
UPDATE job_state SET next_run = :leaseUntil, updated_at = :now
WHERE name = :name AND COALESCE(next_run, '') = :seen
