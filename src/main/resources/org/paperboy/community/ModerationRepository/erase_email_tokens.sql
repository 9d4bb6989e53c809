DELETE FROM email_tokens WHERE user_id = :userId
