-- The oldest range whose node stopped before finishing it; of several nodes one wins (the row is
-- re-checked after the row lock, so a second node sees the new until_ms and updates nothing).
UPDATE embedding_ranges SET claimed_by = :node, until_ms = :until
WHERE model = :model AND done = 0 AND until_ms < :now
  AND from_seq = (SELECT MIN(from_seq) FROM embedding_ranges WHERE model = :model AND done = 0 AND until_ms < :now)
