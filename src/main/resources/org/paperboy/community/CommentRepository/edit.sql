UPDATE comments SET body = :body, edited_at = :now WHERE id = :id AND deleted = 0
