-- Duplicate-person detection: blocking keys kept up to date on every write, decisions that a
-- pair is two different people, and merges that can be undone.
ALTER TABLE clients ADD COLUMN merged_into INTEGER;

CREATE TABLE person_keys (
    org_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    client_id INTEGER NOT NULL REFERENCES clients(id)
);
CREATE INDEX person_keys_lookup ON person_keys(org_id, key);
CREATE INDEX person_keys_client ON person_keys(client_id);

CREATE TABLE dedup_decisions (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    left_id INTEGER NOT NULL REFERENCES clients(id),
    right_id INTEGER NOT NULL REFERENCES clients(id),
    decided_by INTEGER REFERENCES users(id),
    decided_at TEXT NOT NULL,
    UNIQUE (org_id, left_id, right_id)
);

CREATE TABLE merges (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    kept_id INTEGER NOT NULL REFERENCES clients(id),
    merged_id INTEGER NOT NULL REFERENCES clients(id),
    reason TEXT NOT NULL,
    moved TEXT NOT NULL,
    merged_by INTEGER REFERENCES users(id),
    merged_at TEXT NOT NULL,
    undone_by INTEGER REFERENCES users(id),
    undone_at TEXT
);
CREATE INDEX merges_org ON merges(org_id, merged_at);
