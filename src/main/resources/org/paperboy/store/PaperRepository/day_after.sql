SELECT MIN(listing_date) FROM papers WHERE listing_date > :day <categoryFilter>
