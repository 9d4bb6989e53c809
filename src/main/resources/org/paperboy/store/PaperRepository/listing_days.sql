-- Every day with listed papers, oldest first (for the sitemap's day pages).
SELECT DISTINCT listing_date FROM papers WHERE hidden = 0 ORDER BY listing_date
