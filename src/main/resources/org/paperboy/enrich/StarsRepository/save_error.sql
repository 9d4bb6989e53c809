-- A failed answer keeps the count read before (a page goes on showing it) and only marks the row.
INSERT INTO repo_stars (repo, stars, state, checked_ms) VALUES (:repo, NULL, 'error', :checkedMs)
ON CONFLICT (repo) DO UPDATE SET state = 'error', checked_ms = excluded.checked_ms
