-- Account creation locks this row first, so that of two simultaneous first sign-ups only one
-- becomes admin (READ COMMITTED would otherwise let both see an empty users table).
INSERT INTO counters (name, value) VALUES ('accounts', 0);
