-- The nearest earlier day with listed papers or with papers submitted to it.
SELECT MAX(day) FROM (
  SELECT MAX(listing_date) AS day FROM papers WHERE listing_date < :day AND hidden = 0
  UNION ALL
  SELECT MAX(featured_date) AS day FROM submissions WHERE featured_date < :day
) d
