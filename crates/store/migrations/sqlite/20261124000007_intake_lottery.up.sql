-- Intake candidates, versioned eligibility rules and their decisions, enrollment lottery rounds
-- (frozen entries, immutable results), enrollments made from a draw, and follow-up outcomes of
-- lottery participants for the intention-to-treat evaluation.
CREATE TABLE intake_candidates (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    site_id INTEGER REFERENCES sites(id),
    public_token TEXT NOT NULL UNIQUE,
    given_names TEXT NOT NULL,
    family_names TEXT,
    language TEXT NOT NULL,
    referral_source TEXT NOT NULL,
    referral_detail TEXT,
    screening TEXT NOT NULL,
    family_unit INTEGER NOT NULL DEFAULT 0,
    household_size INTEGER NOT NULL DEFAULT 1,
    interested INTEGER NOT NULL DEFAULT 0,
    consent_contact INTEGER NOT NULL DEFAULT 0,
    contact_enc TEXT,
    origin TEXT NOT NULL,
    client_id INTEGER REFERENCES clients(id),
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX intake_candidates_org_program ON intake_candidates(org_id, program_id, id);

CREATE TABLE eligibility_rules (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    version INTEGER NOT NULL,
    label TEXT NOT NULL,
    expression TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (program_id, version)
);

CREATE TABLE eligibility_decisions (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    candidate_id INTEGER NOT NULL REFERENCES intake_candidates(id),
    rule_id INTEGER NOT NULL REFERENCES eligibility_rules(id),
    eligible INTEGER NOT NULL,
    deciding_clause TEXT NOT NULL,
    clauses TEXT NOT NULL,
    inputs TEXT NOT NULL,
    decided_by INTEGER REFERENCES users(id),
    decided_at TEXT NOT NULL
);
CREATE INDEX eligibility_decisions_candidate ON eligibility_decisions(candidate_id, id);
CREATE TRIGGER eligibility_rules_no_update BEFORE UPDATE ON eligibility_rules BEGIN SELECT RAISE(ABORT, 'eligibility rule versions are immutable'); END;
CREATE TRIGGER eligibility_decisions_no_update BEFORE UPDATE ON eligibility_decisions BEGIN SELECT RAISE(ABORT, 'eligibility decisions are immutable'); END;
CREATE TRIGGER eligibility_decisions_no_delete BEFORE DELETE ON eligibility_decisions BEGIN SELECT RAISE(ABORT, 'eligibility decisions are immutable'); END;

CREATE TABLE lottery_rounds (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    name TEXT NOT NULL,
    seed TEXT NOT NULL,
    public_value TEXT,
    strata_by TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_by INTEGER REFERENCES users(id),
    opened_at TEXT NOT NULL,
    drawn_by INTEGER REFERENCES users(id),
    drawn_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE lottery_strata (
    round_id INTEGER NOT NULL REFERENCES lottery_rounds(id),
    name TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    comparison_size INTEGER NOT NULL,
    PRIMARY KEY (round_id, name)
);

CREATE TABLE lottery_entries (
    round_id INTEGER NOT NULL REFERENCES lottery_rounds(id),
    candidate_id INTEGER NOT NULL REFERENCES intake_candidates(id),
    public_token TEXT NOT NULL,
    stratum TEXT NOT NULL,
    PRIMARY KEY (round_id, candidate_id)
);

CREATE TABLE lottery_results (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    round_id INTEGER NOT NULL REFERENCES lottery_rounds(id),
    candidate_id INTEGER NOT NULL REFERENCES intake_candidates(id),
    public_token TEXT NOT NULL,
    stratum TEXT NOT NULL,
    draw_key TEXT NOT NULL,
    rank INTEGER NOT NULL,
    assignment TEXT NOT NULL,
    UNIQUE (round_id, candidate_id)
);
CREATE TRIGGER lottery_strata_no_update BEFORE UPDATE ON lottery_strata BEGIN SELECT RAISE(ABORT, 'published lottery inputs are immutable'); END;
CREATE TRIGGER lottery_entries_no_update BEFORE UPDATE ON lottery_entries BEGIN SELECT RAISE(ABORT, 'published lottery inputs are immutable'); END;
CREATE TRIGGER lottery_results_no_update BEFORE UPDATE ON lottery_results BEGIN SELECT RAISE(ABORT, 'lottery results are immutable'); END;
CREATE TRIGGER lottery_results_no_delete BEFORE DELETE ON lottery_results BEGIN SELECT RAISE(ABORT, 'lottery results are immutable'); END;

CREATE TABLE lottery_enrollments (
    round_id INTEGER NOT NULL REFERENCES lottery_rounds(id),
    candidate_id INTEGER NOT NULL REFERENCES intake_candidates(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    enrolled_at TEXT NOT NULL,
    PRIMARY KEY (round_id, candidate_id)
);

CREATE TABLE lottery_followups (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    round_id INTEGER NOT NULL REFERENCES lottery_rounds(id),
    candidate_id INTEGER NOT NULL REFERENCES intake_candidates(id),
    hearings_scheduled INTEGER NOT NULL DEFAULT 0,
    hearings_attended INTEGER NOT NULL DEFAULT 0,
    services_received INTEGER NOT NULL DEFAULT 0,
    assessment_pre INTEGER,
    assessment_post INTEGER,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (round_id, candidate_id)
);

CREATE TABLE enrollment_goals (
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    site_id INTEGER NOT NULL REFERENCES sites(id),
    goal INTEGER NOT NULL,
    PRIMARY KEY (program_id, site_id)
);

