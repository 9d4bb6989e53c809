INSERT INTO notify_keys (name, secret) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING
