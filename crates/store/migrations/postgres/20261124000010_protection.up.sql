-- Data protection: where each session signs in from and when it was last seen, so people can
-- review their sessions and end the ones they do not recognise.
ALTER TABLE sessions ADD COLUMN ip TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
