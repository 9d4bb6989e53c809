-- Hidden papers are few; the partial index papers_hidden makes the NOT IN a small lookup table.
SELECT category, COUNT(*) AS n FROM paper_categories
WHERE listing_date >= :from AND listing_date <= :to
  AND arxiv_id NOT IN (SELECT arxiv_id FROM papers WHERE hidden = 1)
GROUP BY category ORDER BY n DESC, category
