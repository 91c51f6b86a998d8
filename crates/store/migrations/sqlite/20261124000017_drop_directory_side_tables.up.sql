-- Search runs on each organization's in-memory index (directory_index.rs); the per-fact side
-- tables were written on every import and never read.
DROP TABLE dir_service_hours;
DROP TABLE dir_service_points;
DROP TABLE dir_service_languages;
DROP TABLE dir_service_terms;
