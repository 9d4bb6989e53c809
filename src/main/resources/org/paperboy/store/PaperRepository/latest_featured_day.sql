-- The newest day on the daily page: listed on it, or submitted to it by a reader (a submission can
-- feature a paper on a day arXiv has not announced yet). The API's default day, as Hugging Face's.
SELECT MAX(d) FROM (
    SELECT MAX(listing_date) AS d FROM papers
    UNION ALL
    SELECT MAX(featured_date) AS d FROM submissions
) days
