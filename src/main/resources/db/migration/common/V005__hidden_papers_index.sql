-- Moderators hide few papers; listings and counts exclude them through this small partial index.
CREATE INDEX papers_hidden ON papers (arxiv_id) WHERE hidden = 1;
