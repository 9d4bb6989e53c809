-- For you: each reader's private signals, read only by their owner and by the owner's model.
-- Saves, "not interested" (hide) and seeds are rows per (reader, kind, paper); undo deletes the row.
CREATE TABLE reader_papers (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       VARCHAR(8) NOT NULL,               -- save | hide | seed
    arxiv_id   VARCHAR(64) NOT NULL REFERENCES papers (arxiv_id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, kind, arxiv_id)
);
CREATE INDEX reader_papers_paper ON reader_papers (arxiv_id);

-- Follows of a category, an author (the only place author names reach recommendations) or a saved search.
CREATE TABLE reader_follows (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       VARCHAR(8) NOT NULL,               -- category | author | search
    target     VARCHAR(300) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, kind, target)
);

-- The instance-wide profile that ranks the day page for visitors: papers an admin seeded (the lab's own).
CREATE TABLE instance_seeds (
    arxiv_id   VARCHAR(64) PRIMARY KEY REFERENCES papers (arxiv_id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
