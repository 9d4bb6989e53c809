-- One atomic upsert per take: the row lock orders concurrent takes from all nodes. Every SET
-- expression reads the row as it was before this update. "refilled" = the old tokens plus what
-- flowed back since updated_ms (never negative when node clocks differ), capped at capacity.
INSERT INTO rate_buckets (bucket_key, tokens, allowed, updated_ms, per_ms)
VALUES (:key, :capacity - 1, 1, :now, :perMs)
ON CONFLICT (bucket_key) DO UPDATE SET
    tokens = CASE
        WHEN (CASE WHEN rate_buckets.tokens + (CASE WHEN :now > rate_buckets.updated_ms THEN :now - rate_buckets.updated_ms ELSE 0 END) * :rate >= :capacity
                   THEN :capacity
                   ELSE rate_buckets.tokens + (CASE WHEN :now > rate_buckets.updated_ms THEN :now - rate_buckets.updated_ms ELSE 0 END) * :rate END) >= 1
        THEN (CASE WHEN rate_buckets.tokens + (CASE WHEN :now > rate_buckets.updated_ms THEN :now - rate_buckets.updated_ms ELSE 0 END) * :rate >= :capacity
                   THEN :capacity
                   ELSE rate_buckets.tokens + (CASE WHEN :now > rate_buckets.updated_ms THEN :now - rate_buckets.updated_ms ELSE 0 END) * :rate END) - 1
        ELSE (CASE WHEN rate_buckets.tokens + (CASE WHEN :now > rate_buckets.updated_ms THEN :now - rate_buckets.updated_ms ELSE 0 END) * :rate >= :capacity
                   THEN :capacity
                   ELSE rate_buckets.tokens + (CASE WHEN :now > rate_buckets.updated_ms THEN :now - rate_buckets.updated_ms ELSE 0 END) * :rate END)
    END,
    allowed = CASE
        WHEN rate_buckets.tokens + (CASE WHEN :now > rate_buckets.updated_ms THEN :now - rate_buckets.updated_ms ELSE 0 END) * :rate >= 1 THEN 1
        ELSE 0
    END,
    updated_ms = CASE WHEN :now > rate_buckets.updated_ms THEN :now ELSE rate_buckets.updated_ms END,
    per_ms = :perMs
RETURNING tokens, allowed
