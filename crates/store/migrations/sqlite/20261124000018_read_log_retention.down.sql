DROP TRIGGER read_log_no_delete;
CREATE TRIGGER read_log_no_delete BEFORE DELETE ON read_log BEGIN SELECT RAISE(ABORT, 'read log is append-only'); END;
DROP TABLE read_log_purge_gate;
ALTER TABLE org_protection DROP COLUMN retain_read_log_years;
