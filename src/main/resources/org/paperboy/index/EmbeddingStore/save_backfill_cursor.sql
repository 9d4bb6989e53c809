-- Every paper written up to this change has its vector (or needs none); a restart starts after it.
INSERT INTO counters (name, value) VALUES (:name, :value) ON CONFLICT (name) DO UPDATE SET value = excluded.value
