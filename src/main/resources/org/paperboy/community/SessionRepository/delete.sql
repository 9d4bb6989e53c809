DELETE FROM sessions WHERE id_hash = :idHash
