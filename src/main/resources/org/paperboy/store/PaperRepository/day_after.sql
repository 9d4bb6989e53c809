SELECT MIN(listing_date) FROM papers WHERE listing_date > :day AND hidden = 0
