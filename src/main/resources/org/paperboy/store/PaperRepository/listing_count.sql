SELECT COUNT(*) FROM papers
WHERE listing_date >= :from AND listing_date <= :to
<categoryFilter>
