DELETE FROM api_tokens WHERE id = :id AND user_id = :userId
