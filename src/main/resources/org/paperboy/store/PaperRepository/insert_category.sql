INSERT INTO paper_categories (arxiv_id, category, listing_date) VALUES (:arxivId, :category, :listingDate)
