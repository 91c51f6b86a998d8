-- Reports the worker makes on a schedule, and what each run produced. Only aggregate,
-- de-identified reports can be scheduled; a run's file is kept so recipients download it
-- signed in (an email carries a link, never the report).
CREATE TABLE report_schedules (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    report TEXT NOT NULL,
    format TEXT NOT NULL,
    cadence TEXT NOT NULL,
    program_id INTEGER REFERENCES programs(id),
    language TEXT NOT NULL,
    next_run_on TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX report_schedules_due ON report_schedules(active, next_run_on);
CREATE INDEX report_schedules_org ON report_schedules(org_id, id);

CREATE TABLE report_schedule_recipients (
    schedule_id INTEGER NOT NULL REFERENCES report_schedules(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (schedule_id, user_id)
);

CREATE TABLE report_runs (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    schedule_id INTEGER NOT NULL REFERENCES report_schedules(id),
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    -- base64: one text column travels the same way through both drivers and backups.
    content TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX report_runs_period ON report_runs(schedule_id, period_from);
CREATE INDEX report_runs_org ON report_runs(org_id, id);
