-- Account mails (verification, reset, e-mail change, "you already have an account"), rendered when
-- the request asks for them and delivered by a background sender on any node, so a node dying
-- mid-request loses none and a slow SMTP server slows no page. Times are epoch milliseconds.
CREATE TABLE mail_queue (
    id              ${identity},
    recipient       VARCHAR(320) NOT NULL,
    subject         VARCHAR(500) NOT NULL,
    body_text       TEXT,                              -- NULL once sent or given up: links in these mails are secrets
    body_html       TEXT,
    headers         TEXT NOT NULL,                     -- JSON object of extra headers
    message_id      VARCHAR(255) NOT NULL,             -- stable, so a retry reuses it
    status          VARCHAR(16) NOT NULL,              -- queued | sending | sent | failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by      VARCHAR(64),
    claimed_at      BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX mail_queue_due ON mail_queue (status, next_attempt_at, id);
