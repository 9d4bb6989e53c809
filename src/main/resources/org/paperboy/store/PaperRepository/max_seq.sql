SELECT value FROM counters WHERE name = 'paper_change'
