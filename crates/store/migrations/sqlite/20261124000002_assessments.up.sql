-- Assessment instruments (as data, versioned) and assessments taken with them.
CREATE TABLE instruments (
    id INTEGER PRIMARY KEY,
    org_id INTEGER REFERENCES organizations(id),
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id)
);
-- One row per key and version within an organization; built-ins have no organization.
CREATE UNIQUE INDEX instruments_key_version ON instruments(COALESCE(org_id, 0), key, version);

CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    instrument_id INTEGER NOT NULL REFERENCES instruments(id),
    timing TEXT NOT NULL,
    status TEXT NOT NULL,
    language TEXT NOT NULL,
    answers TEXT NOT NULL,
    scores TEXT NOT NULL,
    flagged INTEGER NOT NULL DEFAULT 0,
    taken_on TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX assessments_case ON assessments(case_id, taken_on);
CREATE INDEX assessments_org_instrument ON assessments(org_id, instrument_id, status);
