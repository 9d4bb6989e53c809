SELECT p.arxiv_id FROM papers p
WHERE p.listing_date >= :from AND p.listing_date <= :to AND p.hidden = 0
<conditions>
ORDER BY p.upvotes DESC, p.listing_date DESC, p.listed_seq ASC
LIMIT :limit
