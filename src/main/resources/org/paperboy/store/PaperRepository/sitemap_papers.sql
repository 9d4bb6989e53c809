-- One sitemap file's papers: shown ones in id order, with the day they last changed.
SELECT arxiv_id, COALESCE(updated_date, listing_date) AS lastmod
FROM papers
WHERE hidden = 0
ORDER BY arxiv_id
LIMIT :limit OFFSET :offset
