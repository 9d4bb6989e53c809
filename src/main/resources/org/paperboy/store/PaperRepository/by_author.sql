-- Candidates for an author's page: the authors column (JSON) holds the name; the caller keeps
-- only exact name matches. Newest first.
SELECT arxiv_id, version, title, authors, abstract, primary_category, categories, comments, journal_ref, doi, license, submitted_date, updated_date, submitted_at, updated_at, listing_date, listed_seq, code_links, upvotes, num_comments, change_seq
FROM papers
WHERE hidden = 0 AND authors LIKE :pattern
ORDER BY listing_date DESC, listed_seq DESC
LIMIT :limit
