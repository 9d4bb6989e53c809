SELECT id, created_at, moderator, action, target_type, target, reason FROM moderation_log ORDER BY id DESC LIMIT :limit OFFSET :offset
