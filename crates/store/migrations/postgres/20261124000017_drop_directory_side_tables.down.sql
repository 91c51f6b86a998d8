CREATE TABLE dir_service_terms (
    org_id BIGINT NOT NULL,
    code TEXT NOT NULL,
    service_id BIGINT NOT NULL REFERENCES dir_services(id)
);
CREATE INDEX dir_service_terms_code ON dir_service_terms(org_id, code, service_id);

CREATE TABLE dir_service_languages (
    org_id BIGINT NOT NULL,
    code TEXT NOT NULL,
    service_id BIGINT NOT NULL REFERENCES dir_services(id)
);
CREATE INDEX dir_service_languages_code ON dir_service_languages(org_id, code, service_id);

CREATE TABLE dir_service_points (
    org_id BIGINT NOT NULL,
    lat_micro BIGINT NOT NULL,
    lon_micro BIGINT NOT NULL,
    service_id BIGINT NOT NULL REFERENCES dir_services(id)
);
CREATE INDEX dir_service_points_lat ON dir_service_points(org_id, lat_micro, lon_micro);
CREATE INDEX dir_service_points_service ON dir_service_points(service_id);

CREATE TABLE dir_service_hours (
    org_id BIGINT NOT NULL,
    day BIGINT NOT NULL,
    opens_min BIGINT NOT NULL,
    closes_min BIGINT NOT NULL,
    service_id BIGINT NOT NULL REFERENCES dir_services(id)
);
CREATE INDEX dir_service_hours_service ON dir_service_hours(service_id, day);
