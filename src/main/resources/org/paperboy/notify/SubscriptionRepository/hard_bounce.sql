UPDATE subscriptions
SET hard_bounces = hard_bounces + 1,
    status = CASE WHEN hard_bounces + 1 >= :limit THEN 'disabled' ELSE status END,
    updated_at = :now
WHERE id = :id
