DROP INDEX cases_org_opened;
DROP INDEX cases_org_updated;
DROP TRIGGER read_log_no_delete;
DROP TRIGGER read_log_no_update;
DROP TABLE read_log;
DROP TRIGGER audit_head_follows;
