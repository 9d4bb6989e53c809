-- The instants behind submitted_date and updated_date, where the source gave a time of day
-- (arXiv's API and arXivRaw do; the daily sample gives dates only): ISO-8601 UTC text such as
-- 2019-11-27T16:52:52Z, null when only the date is known. Feeds fall back to midnight UTC.
-- Numbered below V014 (issue ranges); Flyway runs it out of order on databases already past it.
ALTER TABLE papers ADD COLUMN submitted_at VARCHAR(40);
ALTER TABLE papers ADD COLUMN updated_at VARCHAR(40);
