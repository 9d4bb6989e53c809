INSERT INTO paper_versions (arxiv_id, version, submitted, size) VALUES (:arxivId, :version, :submitted, :size)
ON CONFLICT (arxiv_id, version) DO UPDATE SET submitted = excluded.submitted, size = excluded.size
