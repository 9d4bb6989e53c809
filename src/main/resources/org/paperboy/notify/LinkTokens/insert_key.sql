INSERT INTO notify_keys (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING
