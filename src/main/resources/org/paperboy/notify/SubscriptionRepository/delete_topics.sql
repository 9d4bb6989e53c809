DELETE FROM subscription_topics WHERE subscription_id = :id
