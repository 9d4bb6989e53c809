-- The nearest later day with listed papers or with papers submitted to it.
SELECT MIN(day) FROM (
  SELECT MIN(listing_date) AS day FROM papers WHERE listing_date > :day AND hidden = 0
  UNION ALL
  SELECT MIN(featured_date) AS day FROM submissions WHERE featured_date > :day
) d
