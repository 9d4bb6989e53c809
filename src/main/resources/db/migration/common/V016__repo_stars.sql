-- GitHub stars of the repositories papers link to, as the stars job last read them from GitHub's
-- API, so that every node shows the same count and GitHub is asked at most once a day per
-- repository. repo is "owner/name" in lower case (GitHub names are case-insensitive); state is
-- ok (stars holds the count), gone (404: deleted, private or renamed away; stars is null) or
-- error (a malformed or failed answer, asked again sooner). checked_ms is epoch milliseconds.
CREATE TABLE repo_stars (
    repo       VARCHAR(200) PRIMARY KEY,
    stars      INTEGER,
    state      VARCHAR(8) NOT NULL,
    checked_ms BIGINT NOT NULL
);
