INSERT INTO papers (arxiv_id, version, title, authors, abstract, primary_category, categories, comments,
                    journal_ref, doi, license, submitted_date, updated_date, submitted_at, updated_at, listing_date, listed_seq,
                    code_links, content_hash, change_seq)
VALUES (:arxivId, :version, :title, :authors, :abstract, :primaryCategory, :categories, :comments,
        :journalRef, :doi, :license, :submitted, :updated, :submittedAt, :updatedAt, :listingDate, :seq,
        :codeLinks, :hash, :seq)
