SELECT subscription_id, query FROM subscription_topics WHERE subscription_id IN (<ids>) ORDER BY subscription_id, position
