-- An address-change link carries the address it confirms.
ALTER TABLE email_tokens ADD COLUMN new_email VARCHAR(254);
