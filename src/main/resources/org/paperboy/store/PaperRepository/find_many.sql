SELECT arxiv_id, version, title, authors, abstract, primary_category, categories, comments, journal_ref, doi, license, submitted_date, updated_date, submitted_at, updated_at, listing_date, listed_seq, code_links, upvotes, num_comments, change_seq
FROM papers WHERE arxiv_id IN (<ids>)
