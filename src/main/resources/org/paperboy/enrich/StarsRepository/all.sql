SELECT repo, stars, state, checked_ms FROM repo_stars
