SELECT id FROM subscriptions
WHERE status = 'confirmed' AND frequency = :frequency AND id > :afterId
ORDER BY id
LIMIT :limit
