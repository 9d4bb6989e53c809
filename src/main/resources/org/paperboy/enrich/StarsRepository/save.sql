INSERT INTO repo_stars (repo, stars, state, checked_ms) VALUES (:repo, :stars, :state, :checkedMs)
ON CONFLICT (repo) DO UPDATE SET stars = excluded.stars, state = excluded.state, checked_ms = excluded.checked_ms
