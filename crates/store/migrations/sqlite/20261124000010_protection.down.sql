DROP TABLE pending_signins;
DROP TABLE user_recovery_codes;
DROP TABLE user_totp;
DROP TABLE org_protection;
ALTER TABLE sessions DROP COLUMN last_seen_at;
ALTER TABLE sessions DROP COLUMN user_agent;
ALTER TABLE sessions DROP COLUMN ip;
