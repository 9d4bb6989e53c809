-- A period's papers: those listed in it and those submitted to it ("featured"), minus papers a
-- moderator hid. On a single day's upvote listing the day's submissions come first (<featuredFirst>).
-- IN (... UNION ...), not "listing_date ... OR arxiv_id IN (...)": PostgreSQL answers that OR with a
-- scan of the whole table (seconds at arXiv's 2.7M papers); each branch here uses its own index.
SELECT arxiv_id, version, title, authors, abstract, primary_category, categories, comments, journal_ref, doi, license, submitted_date, updated_date, submitted_at, updated_at, listing_date, listed_seq, code_links, upvotes, num_comments, change_seq
FROM papers
WHERE hidden = 0
  AND arxiv_id IN (SELECT arxiv_id FROM papers WHERE listing_date >= :from AND listing_date <= :to
                   UNION SELECT arxiv_id FROM submissions WHERE featured_date >= :from AND featured_date <= :to)
<categoryFilter>
ORDER BY <featuredFirst> <order>
LIMIT :limit OFFSET :offset
