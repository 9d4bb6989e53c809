SELECT s.arxiv_id, s.user_id, u.username, s.featured_date, s.created_at FROM submissions s JOIN users u ON u.id = s.user_id WHERE s.user_id = :userId ORDER BY s.created_at DESC LIMIT :limit
