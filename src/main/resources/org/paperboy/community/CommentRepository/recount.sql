-- Visible comments: not deleted, not hidden, and not by a banned account.
UPDATE papers SET num_comments = (SELECT COUNT(*) FROM comments c JOIN users u ON u.id = c.user_id
                                  WHERE c.arxiv_id = :id AND c.deleted = 0 AND c.hidden = 0 AND u.banned_at IS NULL)
WHERE arxiv_id = :id
