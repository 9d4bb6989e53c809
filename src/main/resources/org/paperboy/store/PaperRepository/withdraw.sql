-- arXiv deleted the paper: it leaves the feed like a paper a moderator hides (and can be restored like one).
UPDATE papers SET hidden = 1, change_seq = :seq WHERE arxiv_id = :arxivId AND hidden = 0
