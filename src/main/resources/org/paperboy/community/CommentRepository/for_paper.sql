-- a banned author's comments are shown as hidden
SELECT c.id, c.arxiv_id, c.user_id, u.username, c.parent_id, c.body, c.created_at, c.edited_at, c.deleted,
       CASE WHEN c.hidden = 1 OR u.banned_at IS NOT NULL THEN 1 ELSE 0 END AS hidden, c.flags
FROM comments c JOIN users u ON u.id = c.user_id WHERE c.arxiv_id = :id ORDER BY c.id
