SELECT c.id, c.arxiv_id, c.user_id, u.username, c.parent_id, c.body, c.created_at, c.edited_at, c.deleted, c.hidden, c.flags FROM comments c JOIN users u ON u.id = c.user_id WHERE c.id = :id
