INSERT INTO subscription_topics (subscription_id, position, query) VALUES (:id, :position, :query)
