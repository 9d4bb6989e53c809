-- Votes of banned accounts do not count (a ban hides the user's influence; unbanning restores it).
UPDATE papers SET upvotes = (SELECT COUNT(*) FROM votes v JOIN users u ON u.id = v.user_id
                             WHERE v.arxiv_id = :id AND u.banned_at IS NULL)
WHERE arxiv_id = :id
RETURNING upvotes
