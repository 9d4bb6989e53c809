DELETE FROM sessions WHERE user_id = :userId
