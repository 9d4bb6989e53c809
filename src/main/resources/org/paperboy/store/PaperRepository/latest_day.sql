-- The newest arXiv day: the front page. A submission never replaces it (its day is reachable by the arrows).
SELECT MAX(listing_date) FROM papers
