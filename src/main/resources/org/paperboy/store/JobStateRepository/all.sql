SELECT name, cursor_json, next_run, attempts, last_error, updated_at FROM job_state 
ORDER BY name
