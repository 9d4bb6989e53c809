SELECT COUNT(*) FROM papers
WHERE hidden = 0
  AND ((listing_date >= :from AND listing_date <= :to)
       OR arxiv_id IN (SELECT arxiv_id FROM submissions WHERE featured_date >= :from AND featured_date <= :to))
<categoryFilter>
