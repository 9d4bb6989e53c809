INSERT INTO comments (arxiv_id, user_id, parent_id, body, created_at)
VALUES (:arxivId, :userId, :parentId, :body, :now)
RETURNING id
