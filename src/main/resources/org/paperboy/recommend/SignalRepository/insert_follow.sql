INSERT INTO reader_follows (user_id, kind, target, created_at) VALUES (:userId, :kind, :target, :now) ON CONFLICT (user_id, kind, target) DO NOTHING
