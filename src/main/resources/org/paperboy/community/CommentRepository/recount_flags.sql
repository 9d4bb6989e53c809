UPDATE comments SET flags = (SELECT COUNT(*) FROM comment_flags f WHERE f.comment_id = :id) WHERE id = :id
