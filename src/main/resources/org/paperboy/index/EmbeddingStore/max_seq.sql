SELECT value FROM counters WHERE name = 'embedding_change'
