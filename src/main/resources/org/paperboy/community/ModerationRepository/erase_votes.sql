DELETE FROM votes WHERE user_id = :userId
