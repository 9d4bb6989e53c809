-- Digests: subscribers, their saved searches, the outbox of mail to send, and digest runs.
-- Times are epoch milliseconds (BIGINT), so that "due" comparisons are exact on both databases.

CREATE TABLE subscriptions (
    id                ${identity},
    email             VARCHAR(320) NOT NULL UNIQUE,   -- normalised: trimmed, lower case
    frequency         VARCHAR(16)  NOT NULL,          -- daily | weekly
    status            VARCHAR(16)  NOT NULL,          -- pending | confirmed | unsubscribed | disabled
    confirm_hash      VARCHAR(64)  UNIQUE,            -- SHA-256 of the single-use confirmation token; NULL once used
    confirm_expires_at BIGINT,
    confirm_sent_at   BIGINT,                         -- at most one confirmation mail per address per window
    hard_bounces      INTEGER NOT NULL DEFAULT 0,     -- consecutive permanent failures; reset by a delivery
    created_at        BIGINT NOT NULL,
    confirmed_at      BIGINT,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX subscriptions_due ON subscriptions (status, frequency, id);

CREATE TABLE subscription_topics (
    subscription_id BIGINT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    query           VARCHAR(200) NOT NULL,            -- a saved search: cat:cs.CL, author:Name, "a phrase", words
    PRIMARY KEY (subscription_id, position)
);

-- One row per digest (daily:2026-11-23, weekly:2026-W47): the papers chosen when it was composed,
-- and how far composing has gone, so an interrupted compose resumes.
CREATE TABLE digest_runs (
    id            ${identity},
    digest_key    VARCHAR(64) NOT NULL UNIQUE,
    frequency     VARCHAR(16) NOT NULL,
    period_from   VARCHAR(10) NOT NULL,
    period_to     VARCHAR(10) NOT NULL,
    paper_ids     TEXT NOT NULL,                      -- space separated, in digest order
    status        VARCHAR(16) NOT NULL,               -- composing | composed
    composed_rows INTEGER NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL,
    composed_at   BIGINT
);

-- The outbox: one row per (subscriber, mail), never two, so recomposing is harmless.
CREATE TABLE outbox (
    id              ${identity},
    subscription_id BIGINT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    mail_key        VARCHAR(64) NOT NULL,             -- the digest key, or confirm:<time> for a confirmation
    run_id          BIGINT REFERENCES digest_runs (id),
    payload         TEXT,                             -- a confirmation's token until it is sent, then NULL
    status          VARCHAR(16) NOT NULL,             -- queued | sending | sent | failed | skipped
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by      VARCHAR(64),
    claimed_at      BIGINT,
    last_error      TEXT,
    message_id      VARCHAR(255) NOT NULL,            -- stable, so a retry reuses it
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    UNIQUE (subscription_id, mail_key)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);

-- Secrets the notify package derives link tokens from; created once, shared by every node.
CREATE TABLE notify_keys (
    name   VARCHAR(64) PRIMARY KEY,
    secret VARCHAR(128) NOT NULL
);
