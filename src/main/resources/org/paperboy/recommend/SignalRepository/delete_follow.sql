DELETE FROM reader_follows WHERE user_id = :userId AND kind = :kind AND target = :target
