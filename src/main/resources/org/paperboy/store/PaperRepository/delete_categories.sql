DELETE FROM paper_categories WHERE arxiv_id = :arxivId
