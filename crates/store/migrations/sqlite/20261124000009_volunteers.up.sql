-- Volunteers, the consortium-wide background-check service, care networks with tasks and a
-- thread, rides and interpretation requests, the guardian registry, and public-form limits.
CREATE TABLE volunteers (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    user_id INTEGER REFERENCES users(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    languages TEXT NOT NULL,
    zip TEXT NOT NULL,
    home_lat_micro INTEGER,
    home_lon_micro INTEGER,
    can_drive INTEGER NOT NULL DEFAULT 0,
    licence_expires TEXT,
    insurance_expires TEXT,
    weekly INTEGER NOT NULL DEFAULT 0,
    away TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX volunteers_org_email ON volunteers(org_id, email);
CREATE INDEX volunteers_user ON volunteers(user_id);

-- Training modules completed by volunteers and guardians.
CREATE TABLE trainings (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    volunteer_id INTEGER REFERENCES volunteers(id),
    guardian_id INTEGER,
    module TEXT NOT NULL,
    completed_on TEXT NOT NULL,
    expires_on TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX trainings_volunteer ON trainings(volunteer_id);
CREATE INDEX trainings_guardian ON trainings(guardian_id);

-- One check service for the consortium: anyone in it sees status and expiry by email; only the
-- requesting organization reads the (encrypted) report.
CREATE TABLE background_checks (
    id INTEGER PRIMARY KEY,
    consortium_id INTEGER REFERENCES consortia(id),
    requested_by_org INTEGER NOT NULL REFERENCES organizations(id),
    subject_email TEXT NOT NULL,
    subject_name TEXT NOT NULL,
    status TEXT NOT NULL,
    expires_on TEXT,
    report_enc TEXT,
    requested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX background_checks_subject ON background_checks(subject_email, requested_at);

CREATE TABLE care_networks (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    household_id INTEGER NOT NULL REFERENCES households(id),
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX care_networks_household ON care_networks(org_id, household_id);

CREATE TABLE network_members (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    network_id INTEGER NOT NULL REFERENCES care_networks(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    volunteer_id INTEGER REFERENCES volunteers(id),
    role TEXT NOT NULL,
    sensitive_granted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX network_members_unique ON network_members(network_id, user_id, role);
CREATE INDEX network_members_user ON network_members(user_id);

CREATE TABLE network_tasks (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    network_id INTEGER NOT NULL REFERENCES care_networks(id),
    title TEXT NOT NULL,
    due_on TEXT,
    taken_by INTEGER REFERENCES users(id),
    done_at TEXT,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX network_tasks_network ON network_tasks(network_id, done_at);

CREATE TABLE network_messages (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    network_id INTEGER NOT NULL REFERENCES care_networks(id),
    author_id INTEGER REFERENCES users(id),
    body_enc TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX network_messages_network ON network_messages(network_id, created_at);

-- Rides and interpretation requests (kind); the first proposed volunteer to accept gets it.
CREATE TABLE rides (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    household_id INTEGER NOT NULL REFERENCES households(id),
    kind TEXT NOT NULL,
    purpose TEXT NOT NULL,
    pickup TEXT NOT NULL,
    destination TEXT NOT NULL,
    place_lat_micro INTEGER,
    place_lon_micro INTEGER,
    at TEXT NOT NULL,
    passengers INTEGER NOT NULL DEFAULT 1,
    child_seats INTEGER NOT NULL DEFAULT 0,
    language TEXT,
    transit_note TEXT,
    status TEXT NOT NULL,
    volunteer_id INTEGER REFERENCES volunteers(id),
    accepted_at TEXT,
    miles_tenths INTEGER,
    completed_at TEXT,
    requested_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX rides_org_at ON rides(org_id, at);

CREATE TABLE ride_offers (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    ride_id INTEGER NOT NULL REFERENCES rides(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    miles_tenths INTEGER,
    speaks_language INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ride_offers_unique ON ride_offers(ride_id, volunteer_id);
CREATE INDEX ride_offers_volunteer ON ride_offers(volunteer_id);

CREATE TABLE guardians (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    languages TEXT NOT NULL,
    zip TEXT NOT NULL,
    home_lat_micro INTEGER,
    home_lon_micro INTEGER,
    motivation_enc TEXT,
    cap INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX guardians_org_email ON guardians(org_id, email);

CREATE TABLE guardian_matches (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    guardian_id INTEGER NOT NULL REFERENCES guardians(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    attorney_id INTEGER REFERENCES users(id),
    status TEXT NOT NULL,
    token_hash TEXT,
    created_at TEXT NOT NULL,
    responded_at TEXT
);
CREATE INDEX guardian_matches_guardian ON guardian_matches(guardian_id, status);
CREATE UNIQUE INDEX guardian_matches_token ON guardian_matches(token_hash);

-- One-time links for approved volunteers to choose their password.
CREATE TABLE volunteer_invites (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE UNIQUE INDEX volunteer_invites_token ON volunteer_invites(token_hash);

-- Submissions of public forms per client address, for rate limits shared by every node.
CREATE TABLE public_form_hits (
    id INTEGER PRIMARY KEY,
    ip TEXT NOT NULL,
    form TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX public_form_hits_ip ON public_form_hits(ip, form, at);
