SELECT category, COUNT(*) AS n FROM paper_categories
WHERE listing_date >= :from AND listing_date <= :to
GROUP BY category ORDER BY n DESC, category
