INSERT INTO moderation_log (created_at, moderator, action, target_type, target, reason) VALUES (:now, :moderator, :action, :targetType, :target, :reason)
