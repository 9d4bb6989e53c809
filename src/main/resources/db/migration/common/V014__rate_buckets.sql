-- Rate-limit token buckets shared by every node on one database (several nodes behind a load
-- balancer must enforce one limit, not one each). One row per key ("vote:user:42"); times are
-- epoch milliseconds. A bucket untouched for per_ms is full again and may be deleted.
CREATE TABLE rate_buckets (
    bucket_key VARCHAR(200) PRIMARY KEY,
    tokens     DOUBLE PRECISION NOT NULL,
    allowed    INTEGER NOT NULL,          -- 1 when the last take got a token: the upsert's answer
    updated_ms BIGINT NOT NULL,
    per_ms     BIGINT NOT NULL
);
