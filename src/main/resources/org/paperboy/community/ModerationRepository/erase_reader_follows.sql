DELETE FROM reader_follows WHERE user_id = :userId
