-- Services by program × month × category, kept up to date as services are logged (and rebuilt
-- by `sendero rollups rebuild`), so director dashboards and funder reports read a few hundred
-- rows instead of aggregating millions. Distinct clients stay exact: one row per client and
-- cell says whether the client was already counted.
CREATE TABLE service_rollups (
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    program_id BIGINT NOT NULL REFERENCES programs(id),
    month TEXT NOT NULL,
    category TEXT NOT NULL,
    services BIGINT NOT NULL,
    clients BIGINT NOT NULL,
    minutes BIGINT NOT NULL,
    cost_cents BIGINT NOT NULL,
    PRIMARY KEY (org_id, program_id, month, category)
);
CREATE TABLE service_rollup_clients (
    org_id BIGINT NOT NULL,
    program_id BIGINT NOT NULL,
    month TEXT NOT NULL,
    category TEXT NOT NULL,
    client_id BIGINT NOT NULL,
    services BIGINT NOT NULL,
    PRIMARY KEY (org_id, program_id, month, category, client_id)
);
