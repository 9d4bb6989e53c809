-- paper_categories carries the listing day, so the (category, listing_date) index answers at once.
SELECT MIN(listing_date) FROM paper_categories
WHERE category IN (<categoryList>) AND listing_date > :day
  AND arxiv_id NOT IN (SELECT arxiv_id FROM papers WHERE hidden = 1)
