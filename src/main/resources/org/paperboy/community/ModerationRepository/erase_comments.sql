UPDATE comments SET deleted = 1, body = '' WHERE user_id = :userId
