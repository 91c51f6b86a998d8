-- Data protection: where each session signs in from and when it was last seen, so people can
-- review their sessions and end the ones they do not recognise.
ALTER TABLE sessions ADD COLUMN ip TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;

-- Organization-level protection settings (one row per organization; missing = defaults).
CREATE TABLE org_protection (
    org_id INTEGER PRIMARY KEY REFERENCES organizations(id),
    require_totp INTEGER NOT NULL DEFAULT 1,
    -- Retention (NULL keeps forever): closed cases with their notes, assessments, tasks and
    -- events after this many years; messages no longer queued after this many days.
    retain_closed_case_years INTEGER,
    retain_message_days INTEGER,
    updated_at TEXT NOT NULL
);

-- Two-factor sign-in: the TOTP secret is encrypted like other sensitive fields; confirmed_at
-- is NULL while enrolling; last_step refuses a code from a step already used (replay).
CREATE TABLE user_totp (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    secret_enc TEXT NOT NULL,
    confirmed_at TEXT,
    last_step INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE user_recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX user_recovery_codes_user ON user_recovery_codes(user_id);

-- A password accepted, the second factor still to come: no session exists yet.
CREATE TABLE pending_signins (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    failures INTEGER NOT NULL DEFAULT 0,
    expires_at TEXT NOT NULL
);
