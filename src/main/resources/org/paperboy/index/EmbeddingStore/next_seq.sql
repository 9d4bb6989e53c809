UPDATE counters SET value = value + :n WHERE name = 'embedding_change' RETURNING value
