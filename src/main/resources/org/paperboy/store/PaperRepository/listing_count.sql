-- As listing.sql: one index per branch of the UNION, never a scan of the whole table.
SELECT COUNT(*) FROM papers
WHERE hidden = 0
  AND arxiv_id IN (SELECT arxiv_id FROM papers WHERE listing_date >= :from AND listing_date <= :to
                   UNION SELECT arxiv_id FROM submissions WHERE featured_date >= :from AND featured_date <= :to)
<categoryFilter>
