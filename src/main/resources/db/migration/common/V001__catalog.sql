-- The catalog. Written to run unchanged on SQLite and PostgreSQL.
-- Dates are ISO-8601 text (YYYY-MM-DD), which sorts and compares correctly on both.

CREATE TABLE counters (
    name  VARCHAR(64) PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('paper_change', 0);

CREATE TABLE papers (
    arxiv_id         VARCHAR(64) PRIMARY KEY,   -- base id, no version
    version          INTEGER NOT NULL,          -- latest version known
    title            TEXT NOT NULL,
    authors          TEXT NOT NULL,             -- JSON array of {"name","affiliation"} in paper order
    abstract         TEXT NOT NULL,
    primary_category VARCHAR(64),
    categories       TEXT NOT NULL,             -- space separated, primary first
    comments         TEXT,
    journal_ref      TEXT,
    doi              TEXT,
    license          TEXT,
    submitted_date   VARCHAR(10),               -- v1
    updated_date     VARCHAR(10),               -- latest version
    listing_date     VARCHAR(10) NOT NULL,      -- the day it appears in the daily feed
    listed_seq       BIGINT NOT NULL,           -- order of first appearance, breaks ties within a day
    code_links       TEXT NOT NULL,             -- JSON array of {"kind","url"}
    upvotes          INTEGER NOT NULL DEFAULT 0,
    num_comments     INTEGER NOT NULL DEFAULT 0,
    trending_score   DOUBLE PRECISION NOT NULL DEFAULT 0,
    content_hash     VARCHAR(64) NOT NULL,      -- of the merged record; an unchanged re-import is a no-op
    change_seq       BIGINT NOT NULL            -- from counters.paper_change; followers read in this order
);
CREATE INDEX papers_listing ON papers (listing_date, upvotes, listed_seq);
CREATE UNIQUE INDEX papers_change ON papers (change_seq);

CREATE TABLE paper_categories (
    arxiv_id VARCHAR(64) NOT NULL REFERENCES papers (arxiv_id) ON DELETE CASCADE,
    category VARCHAR(64) NOT NULL,
    listing_date VARCHAR(10) NOT NULL,
    PRIMARY KEY (arxiv_id, category)
);
CREATE INDEX paper_categories_day ON paper_categories (category, listing_date);

CREATE TABLE paper_versions (
    arxiv_id  VARCHAR(64) NOT NULL REFERENCES papers (arxiv_id) ON DELETE CASCADE,
    version   INTEGER NOT NULL,
    submitted VARCHAR(10),
    size      VARCHAR(32),
    PRIMARY KEY (arxiv_id, version)
);

-- State of long-running jobs (harvest cursor, next run, failures), so a restart resumes.
CREATE TABLE job_state (
    name        VARCHAR(128) PRIMARY KEY,
    cursor_json TEXT,
    next_run    VARCHAR(40),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    updated_at  VARCHAR(40)
);
