-- Per organization, a counter bumped by every directory import (in the import's transaction).
-- Search keeps an in-memory index per organization and rebuilds it when this changes, so an
-- import by another process (the CLI, another web server) is seen by the next search.
CREATE TABLE dir_generations (
    org_id BIGINT PRIMARY KEY REFERENCES organizations(id),
    generation BIGINT NOT NULL
);
INSERT INTO dir_generations (org_id, generation) SELECT DISTINCT org_id, 1 FROM dir_services;
-- From this version on, an import writes up to 1,000 HSDS records per dir_records row (data is
-- then a JSON array of records, seq the position of the first); rows written before hold one.
