-- A token given back after a refused or duplicate action; the next take caps the bucket at its capacity.
UPDATE rate_buckets SET tokens = tokens + 1 WHERE bucket_key = :key
