-- A bucket left alone for its whole period is full again: its row says nothing a new one would not.
DELETE FROM rate_buckets WHERE updated_ms + per_ms < :now
