-- Papers per day in a range for the calendar: listed papers by listing day, plus submissions by
-- the day they were featured (a day may hold only submissions). Hidden papers do not count.
SELECT day, SUM(n) AS n FROM (
  SELECT listing_date AS day, COUNT(*) AS n FROM papers
  WHERE hidden = 0 AND listing_date >= :from AND listing_date <= :to GROUP BY listing_date
  UNION ALL
  SELECT s.featured_date AS day, COUNT(*) AS n FROM submissions s JOIN papers p ON p.arxiv_id = s.arxiv_id
  WHERE p.hidden = 0 AND s.featured_date >= :from AND s.featured_date <= :to AND p.listing_date <> s.featured_date
  GROUP BY s.featured_date
) d GROUP BY day ORDER BY day
