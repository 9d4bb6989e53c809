UPDATE subscriptions SET frequency = :frequency, updated_at = :now WHERE id = :id
