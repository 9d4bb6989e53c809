-- The papers one account submitted to the days from..to, newest submission first.
SELECT s.arxiv_id
FROM submissions s JOIN users u ON u.id = s.user_id
WHERE u.username_key = :usernameKey AND s.featured_date >= :from AND s.featured_date <= :to
ORDER BY s.created_at DESC
