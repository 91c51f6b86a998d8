-- Consents to share a client's record with another organization, and transfers of a case
-- to another organization.
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    purpose TEXT NOT NULL,
    -- NULL recipient: every organization of consortium_id.
    recipient_org_id INTEGER REFERENCES organizations(id),
    consortium_id INTEGER REFERENCES consortia(id),
    scopes TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    method TEXT NOT NULL,
    witness TEXT,
    language TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by INTEGER REFERENCES users(id),
    revoke_reason TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consents_client ON consents(org_id, client_id);
CREATE INDEX consents_recipient ON consents(recipient_org_id, ends_on);
CREATE INDEX consents_consortium ON consents(consortium_id, ends_on);

CREATE TABLE transfers (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    to_org_id INTEGER NOT NULL REFERENCES organizations(id),
    -- Hand-off summary, encrypted: it speaks of the person's situation.
    summary TEXT NOT NULL,
    sender_keeps_access INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'proposed',
    reason TEXT,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    answered_by INTEGER REFERENCES users(id),
    answered_at TEXT,
    new_client_id INTEGER REFERENCES clients(id),
    new_case_id INTEGER REFERENCES cases(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX transfers_incoming ON transfers(to_org_id, status);
CREATE INDEX transfers_client ON transfers(org_id, client_id);
