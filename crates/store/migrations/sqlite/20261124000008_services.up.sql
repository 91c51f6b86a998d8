-- Service plans (goals, crisis plan, revisions), the service log with funders and rates,
-- the HSDS resource directory with its search index, and closed-loop referrals.

-- Program settings: how long a referral may wait for an answer, and the eligibility window
-- (months from case opening) used by billing. A row with no program is the organization default.
CREATE TABLE service_settings (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    program_id INTEGER REFERENCES programs(id),
    referral_wait_days INTEGER NOT NULL DEFAULT 7,
    eligibility_months INTEGER,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX service_settings_program ON service_settings(org_id, COALESCE(program_id, 0));

-- Categories per program: built-in ones are on unless a row turns them off; other codes are
-- the program's own categories (with their label).
CREATE TABLE service_categories (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    code TEXT NOT NULL,
    label TEXT,
    enabled INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX service_categories_code ON service_categories(program_id, code);

CREATE TABLE funders (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX funders_org ON funders(org_id);

CREATE TABLE funder_rates (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    funder_id INTEGER NOT NULL REFERENCES funders(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    category TEXT NOT NULL,
    unit TEXT NOT NULL,
    rate_cents INTEGER NOT NULL
);
CREATE UNIQUE INDEX funder_rates_key ON funder_rates(funder_id, program_id, category);

-- One plan per case; every save is a revision and the previous state is kept (encrypted).
CREATE TABLE service_plans (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    revision INTEGER NOT NULL DEFAULT 1,
    crisis_enc TEXT,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX service_plans_case ON service_plans(case_id);

CREATE TABLE service_plan_versions (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    plan_id INTEGER NOT NULL REFERENCES service_plans(id),
    revision INTEGER NOT NULL,
    snapshot_enc TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by INTEGER REFERENCES users(id)
);
CREATE INDEX service_plan_versions_plan ON service_plan_versions(plan_id, revision);

CREATE TABLE plan_goals (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    plan_id INTEGER NOT NULL REFERENCES service_plans(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    area TEXT,
    goal_enc TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    outcome_enc TEXT,
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plan_goals_case ON plan_goals(case_id, status);

CREATE TABLE goal_progress (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    goal_id INTEGER NOT NULL REFERENCES plan_goals(id),
    noted_on TEXT NOT NULL,
    note_enc TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX goal_progress_goal ON goal_progress(goal_id, noted_on);

-- Plan tasks live in the shared tasks table; this links them to their goal.
CREATE TABLE goal_tasks (
    goal_id INTEGER NOT NULL REFERENCES plan_goals(id),
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    PRIMARY KEY (goal_id, task_id)
);

CREATE TABLE service_log (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    category TEXT NOT NULL,
    provided_on TEXT NOT NULL,
    minutes INTEGER NOT NULL DEFAULT 0,
    provider_kind TEXT NOT NULL,
    provider_name TEXT,
    location TEXT,
    cost_cents INTEGER NOT NULL DEFAULT 0,
    funder_id INTEGER REFERENCES funders(id),
    note_enc TEXT,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX service_log_case ON service_log(case_id, provided_on);
CREATE INDEX service_log_billing ON service_log(org_id, funder_id, program_id, provided_on);

-- The resource directory: every HSDS record as imported (lossless export), and per service the
-- indexed facts search needs. An import replaces the organization's directory.
CREATE TABLE dir_records (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    tbl TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hsds_id TEXT,
    data TEXT NOT NULL
);
CREATE INDEX dir_records_org ON dir_records(org_id, tbl, seq);

CREATE TABLE dir_services (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    hsds_id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL,
    organization_name TEXT,
    phones TEXT,
    -- JSON: [{"language","name","description"}], [{"name","address","lat","lon"}], [[day,opens,closes]]
    translations TEXT NOT NULL,
    points TEXT NOT NULL,
    hours TEXT NOT NULL,
    terms TEXT NOT NULL,
    languages TEXT NOT NULL
);
CREATE UNIQUE INDEX dir_services_hsds ON dir_services(org_id, hsds_id);
CREATE INDEX dir_services_name ON dir_services(org_id, name);

CREATE TABLE dir_service_terms (
    org_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    service_id INTEGER NOT NULL REFERENCES dir_services(id)
);
CREATE INDEX dir_service_terms_code ON dir_service_terms(org_id, code, service_id);

CREATE TABLE dir_service_languages (
    org_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    service_id INTEGER NOT NULL REFERENCES dir_services(id)
);
CREATE INDEX dir_service_languages_code ON dir_service_languages(org_id, code, service_id);

CREATE TABLE dir_service_points (
    org_id INTEGER NOT NULL,
    lat_micro INTEGER NOT NULL,
    lon_micro INTEGER NOT NULL,
    service_id INTEGER NOT NULL REFERENCES dir_services(id)
);
CREATE INDEX dir_service_points_lat ON dir_service_points(org_id, lat_micro, lon_micro);
CREATE INDEX dir_service_points_service ON dir_service_points(service_id);

CREATE TABLE dir_service_hours (
    org_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    opens_min INTEGER NOT NULL,
    closes_min INTEGER NOT NULL,
    service_id INTEGER NOT NULL REFERENCES dir_services(id)
);
CREATE INDEX dir_service_hours_service ON dir_service_hours(service_id, day);

-- Referrals, to a directory service or to another organization in Sendero. `shared_enc` holds
-- exactly what the case manager chose to send; the receiver never sees more.
CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    target_kind TEXT NOT NULL,
    dir_service_hsds_id TEXT,
    target_org_id INTEGER REFERENCES organizations(id),
    target_name TEXT NOT NULL,
    category TEXT,
    status TEXT NOT NULL,
    reason TEXT,
    shared_fields TEXT NOT NULL,
    shared_enc TEXT NOT NULL,
    consent_by TEXT NOT NULL,
    consent_method TEXT NOT NULL,
    consent_on TEXT NOT NULL,
    sent_on TEXT NOT NULL,
    accepted_on TEXT,
    closed_on TEXT,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX referrals_case ON referrals(case_id);
CREATE INDEX referrals_open ON referrals(org_id, status, sent_on);
CREATE INDEX referrals_incoming ON referrals(target_org_id, status);

CREATE TABLE referral_events (
    id INTEGER PRIMARY KEY,
    referral_id INTEGER NOT NULL REFERENCES referrals(id),
    at TEXT NOT NULL,
    actor_id INTEGER REFERENCES users(id),
    actor_org_id INTEGER NOT NULL REFERENCES organizations(id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX referral_events_referral ON referral_events(referral_id, at);
