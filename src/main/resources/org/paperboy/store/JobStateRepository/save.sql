INSERT INTO job_state (name, cursor_json, next_run, attempts, last_error, updated_at)
VALUES (:name, :cursor, :nextRun, :attempts, :lastError, :updatedAt)
ON CONFLICT (name) DO UPDATE SET cursor_json = excluded.cursor_json, next_run = excluded.next_run,
    attempts = excluded.attempts, last_error = excluded.last_error, updated_at = excluded.updated_at
