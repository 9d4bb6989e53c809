SELECT secret FROM notify_keys WHERE name = :name
