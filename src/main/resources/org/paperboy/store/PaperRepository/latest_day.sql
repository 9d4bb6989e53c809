-- The newest day with papers: listed on it, or submitted to it by a reader (a submission can
-- feature a paper on a day arXiv has not announced yet).
SELECT MAX(d) FROM (
    SELECT MAX(listing_date) AS d FROM papers
    UNION ALL
    SELECT MAX(featured_date) AS d FROM submissions
) days
