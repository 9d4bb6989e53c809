INSERT INTO comment_flags (comment_id, user_id, reason, created_at) VALUES (:commentId, :userId, :reason, :now) ON CONFLICT (comment_id, user_id) DO NOTHING
