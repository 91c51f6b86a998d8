DROP TRIGGER read_log_no_change ON read_log;
CREATE TRIGGER read_log_no_change BEFORE UPDATE OR DELETE ON read_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
DROP FUNCTION read_log_guard();
DROP TABLE read_log_purge_gate;
ALTER TABLE org_protection DROP COLUMN retain_read_log_years;
