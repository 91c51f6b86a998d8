-- Foundation schema (SQLite). Timestamps are RFC 3339 UTC text; dates are ISO text (sortable).
CREATE TABLE consortia (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    consortium_id INTEGER REFERENCES consortia(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'partner',
    city TEXT,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE programs (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    enrollment_goal INTEGER,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX programs_org ON programs(org_id);

CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    city TEXT,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sites_org ON sites(org_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT 'en',
    caseload_limit INTEGER NOT NULL DEFAULT 25,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_org ON users(org_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT
);

CREATE TABLE households (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX households_org ON households(org_id);

CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    given_names TEXT NOT NULL,
    family_names TEXT,
    aliases TEXT,
    birth_date TEXT,
    country TEXT,
    languages TEXT,
    a_number_enc TEXT,
    household_id INTEGER REFERENCES households(id),
    relationship TEXT,
    search_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX clients_org_name ON clients(org_id, family_names, given_names);
CREATE INDEX clients_household ON clients(household_id);

-- Full-text index over the folded search text; rowid = clients.id, kept in step by the store.
CREATE VIRTUAL TABLE client_fts USING fts5(search_text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    created_by INTEGER REFERENCES users(id)
);
CREATE INDEX contacts_client ON contacts(client_id);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    site_id INTEGER REFERENCES sites(id),
    phase TEXT NOT NULL,
    status TEXT NOT NULL,
    closure_reason TEXT,
    case_manager_id INTEGER REFERENCES users(id),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_org_status ON cases(org_id, status, updated_at);
CREATE INDEX cases_client ON cases(client_id);
CREATE INDEX cases_manager ON cases(case_manager_id, status);

CREATE TABLE case_events (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    actor_id INTEGER REFERENCES users(id),
    kind TEXT NOT NULL,
    from_phase TEXT,
    to_phase TEXT,
    detail TEXT
);
CREATE INDEX case_events_case ON case_events(case_id, at);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    author_id INTEGER REFERENCES users(id),
    noted_on TEXT NOT NULL,
    body_enc TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX notes_case ON notes(case_id, noted_on);

-- Append-only, hash-chained per organization. audit_heads serialises appends.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor_id INTEGER,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (org_id, seq)
);
CREATE TABLE audit_heads (
    org_id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
