SELECT id, email, frequency, status, hard_bounces FROM subscriptions WHERE email = :email
