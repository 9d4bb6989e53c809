-- Community: accounts, sessions, tokens, votes, comments, submissions, moderation.
-- ${identity} and ${bytes} are set per database in Database; the append-only trigger of the
-- moderation log is in ../sqlite and ../postgresql (V003_1). Times are epoch milliseconds (BIGINT), booleans 0/1 integers.

CREATE TABLE users (
    id            ${identity},
    username      VARCHAR(32)  NOT NULL,
    username_key  VARCHAR(32)  NOT NULL UNIQUE,   -- lower case: names are unique ignoring case
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(254) NOT NULL UNIQUE,
    password_hash VARCHAR(200) NOT NULL,          -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    is_admin      INTEGER NOT NULL DEFAULT 0,
    verified_at   BIGINT,
    banned_at     BIGINT,
    created_at    BIGINT NOT NULL,
    votes_public  INTEGER NOT NULL DEFAULT 0      -- upvoted papers are private unless the user shows them
);

-- Only the SHA-256 of a session id is stored: a leaked table does not let anyone log in.
CREATE TABLE sessions (
    id_hash      VARCHAR(64) PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           ${identity},
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   VARCHAR(64) NOT NULL UNIQUE,
    name         VARCHAR(100) NOT NULL,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- E-mail verification and password reset links: hashed, expiring, single use.
CREATE TABLE email_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    VARCHAR(16) NOT NULL,              -- verify | reset
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);

-- One vote per account and paper; papers.upvotes is recounted from here, never incremented.
CREATE TABLE votes (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    arxiv_id   VARCHAR(64) NOT NULL REFERENCES papers (arxiv_id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, arxiv_id)
);
CREATE INDEX votes_paper ON votes (arxiv_id);

CREATE TABLE comments (
    id         ${identity},
    arxiv_id   VARCHAR(64) NOT NULL REFERENCES papers (arxiv_id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    parent_id  BIGINT REFERENCES comments (id),
    body       TEXT NOT NULL,                     -- Markdown as written; rendered and sanitised on display
    created_at BIGINT NOT NULL,
    edited_at  BIGINT,
    deleted    INTEGER NOT NULL DEFAULT 0,        -- by its author: the thread keeps a "[deleted]" place
    hidden     INTEGER NOT NULL DEFAULT 0,        -- by a moderator
    flags      INTEGER NOT NULL DEFAULT 0         -- recounted from comment_flags
);
CREATE INDEX comments_paper ON comments (arxiv_id, id);
CREATE INDEX comments_user ON comments (user_id, id);

CREATE TABLE comment_flags (
    comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason     VARCHAR(200) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

-- A paper submitted to a day's feed; the first submitter is the one shown.
CREATE TABLE submissions (
    arxiv_id      VARCHAR(64) PRIMARY KEY REFERENCES papers (arxiv_id) ON DELETE CASCADE,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    featured_date VARCHAR(10) NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX submissions_day ON submissions (featured_date);
CREATE INDEX submissions_user ON submissions (user_id);

-- Every moderator action, shown publicly at /moderation. Append-only, enforced by triggers.
CREATE TABLE moderation_log (
    id          ${identity},
    created_at  BIGINT NOT NULL,
    moderator   VARCHAR(32) NOT NULL,             -- a username, or "shell" for the CLI
    action      VARCHAR(32) NOT NULL,
    target_type VARCHAR(16) NOT NULL,             -- paper | comment | user
    target      VARCHAR(100) NOT NULL,
    reason      TEXT NOT NULL
);
ALTER TABLE papers ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
