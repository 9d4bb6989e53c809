SELECT s.arxiv_id, u.username, s.created_at, s.featured_date
FROM submissions s JOIN users u ON u.id = s.user_id
WHERE s.arxiv_id IN (<ids>)
