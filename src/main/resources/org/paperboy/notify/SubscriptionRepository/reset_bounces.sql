UPDATE subscriptions SET hard_bounces = 0 WHERE id = :id AND hard_bounces > 0
