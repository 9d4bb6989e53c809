SELECT arxiv_id, version, submitted, size FROM paper_versions WHERE arxiv_id IN (<ids>) ORDER BY arxiv_id, version
