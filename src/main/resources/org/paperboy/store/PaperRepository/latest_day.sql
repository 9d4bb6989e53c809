SELECT MAX(listing_date) FROM papers
