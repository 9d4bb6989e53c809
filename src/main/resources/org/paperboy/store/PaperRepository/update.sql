UPDATE papers SET version = :version, title = :title, authors = :authors, abstract = :abstract,
       primary_category = :primaryCategory, categories = :categories, comments = :comments,
       journal_ref = :journalRef, doi = :doi, license = :license, submitted_date = :submitted,
       updated_date = :updated, submitted_at = :submittedAt, updated_at = :updatedAt, code_links = :codeLinks, content_hash = :hash, change_seq = :seq
WHERE arxiv_id = :arxivId
