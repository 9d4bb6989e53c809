UPDATE counters SET value = value + :n WHERE name = 'paper_change' RETURNING value
