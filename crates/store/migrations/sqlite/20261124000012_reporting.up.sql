-- What programs cost (for cost per participant-day) and each organization's report settings.
CREATE TABLE program_costs (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    description TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX program_costs_program ON program_costs(org_id, program_id, starts_on);

CREATE TABLE report_settings (
    org_id INTEGER PRIMARY KEY REFERENCES organizations(id),
    detention_cost_cents INTEGER NOT NULL,
    suppression_threshold INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
