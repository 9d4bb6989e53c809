-- This node stops: its unfinished ranges are free for the other nodes at once, not after the lease.
UPDATE embedding_ranges SET until_ms = 0 WHERE model = :model AND claimed_by = :node AND done = 0
