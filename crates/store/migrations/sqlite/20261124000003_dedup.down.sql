DROP TABLE merges;
DROP TABLE dedup_decisions;
DROP TABLE person_keys;
ALTER TABLE clients DROP COLUMN merged_into;
