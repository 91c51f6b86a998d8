-- Calendar: courts and ICE offices, events (hearings, check-ins, appointments) with attendance,
-- planned reminders, channel opt-outs, eligibility windows, the on-call rota, staff calendar
-- feeds and per-organization calendar settings.
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    city TEXT NOT NULL,
    state TEXT NOT NULL,
    zip TEXT,
    tz TEXT NOT NULL,
    -- Micro-degrees: integers decode the same on both backends.
    lat_micro INTEGER NOT NULL,
    lon_micro INTEGER NOT NULL
);
CREATE UNIQUE INDEX places_name ON places(kind, name);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    case_id INTEGER REFERENCES cases(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    kind TEXT NOT NULL,
    subtype TEXT NOT NULL,
    place_id INTEGER REFERENCES places(id),
    title TEXT,
    starts_at TEXT NOT NULL,
    tz TEXT NOT NULL,
    judge TEXT,
    remote INTEGER NOT NULL DEFAULT 0,
    -- Encrypted: details of proceedings.
    notes_enc TEXT,
    attendance TEXT,
    attendance_at TEXT,
    attendance_by INTEGER REFERENCES users(id),
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX events_org_time ON events(org_id, starts_at);
CREATE INDEX events_case ON events(case_id, starts_at);
CREATE INDEX events_client ON events(client_id, starts_at);

-- One row per event and offset; the worker turns due ones into outbox messages.
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    event_id INTEGER NOT NULL REFERENCES events(id),
    offset_code TEXT NOT NULL,
    due_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned',
    done_at TEXT
);
CREATE UNIQUE INDEX reminders_event_offset ON reminders(event_id, offset_code);
CREATE INDEX reminders_due ON reminders(status, due_at);

CREATE TABLE opt_outs (
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    channel TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (client_id, channel)
);

CREATE TABLE eligibility_windows (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    rule TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX eligibility_windows_org_end ON eligibility_windows(org_id, ends_on);
CREATE INDEX eligibility_windows_case ON eligibility_windows(case_id);

CREATE TABLE oncall_shifts (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    phone TEXT NOT NULL
);
CREATE INDEX oncall_org_time ON oncall_shifts(org_id, starts_at);

CREATE TABLE calendar_feeds (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE calendar_settings (
    org_id INTEGER PRIMARY KEY REFERENCES organizations(id),
    far_miles INTEGER NOT NULL DEFAULT 150,
    soon_days INTEGER NOT NULL DEFAULT 14,
    offsets TEXT NOT NULL DEFAULT '7d,2d,morning',
    crisis_phone TEXT
);
