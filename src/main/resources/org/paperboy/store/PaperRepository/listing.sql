SELECT arxiv_id, version, title, authors, abstract, primary_category, categories, comments, journal_ref, doi, license, submitted_date, updated_date, listing_date, listed_seq, code_links, upvotes, num_comments, change_seq
FROM papers
WHERE listing_date >= :from AND listing_date <= :to
<categoryFilter>
ORDER BY <order>
LIMIT :limit OFFSET :offset
