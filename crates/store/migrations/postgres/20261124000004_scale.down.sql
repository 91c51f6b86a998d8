DROP INDEX cases_org_opened;
DROP INDEX cases_org_updated;
DROP TRIGGER read_log_no_change ON read_log;
DROP TABLE read_log;
DROP TRIGGER audit_head_follows ON audit_log;
DROP FUNCTION audit_head_follows();
