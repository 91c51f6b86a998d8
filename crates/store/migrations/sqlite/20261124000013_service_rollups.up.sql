-- Services by program × month × category, kept up to date as services are logged (and rebuilt
-- by `sendero rollups rebuild`), so director dashboards and funder reports read a few hundred
-- rows instead of aggregating millions. Distinct clients stay exact: one row per client and
-- cell says whether the client was already counted.
CREATE TABLE service_rollups (
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    month TEXT NOT NULL,
    category TEXT NOT NULL,
    services INTEGER NOT NULL,
    clients INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    cost_cents INTEGER NOT NULL,
    PRIMARY KEY (org_id, program_id, month, category)
);
CREATE TABLE service_rollup_clients (
    org_id INTEGER NOT NULL,
    program_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    category TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    services INTEGER NOT NULL,
    PRIMARY KEY (org_id, program_id, month, category, client_id)
);
