SELECT query FROM subscription_topics WHERE subscription_id = :id ORDER BY position
