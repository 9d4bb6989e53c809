SELECT p.arxiv_id, p.upvotes, p.listing_date, s.created_at AS submitted_at
FROM papers p LEFT JOIN submissions s ON s.arxiv_id = p.arxiv_id
WHERE p.upvotes > 0 OR p.trending_score <> 0
