DELETE FROM reader_papers WHERE user_id = :userId
