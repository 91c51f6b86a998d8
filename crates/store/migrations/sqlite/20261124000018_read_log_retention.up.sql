-- Read-log retention: the log of who read which sensitive record may be purged after N years
-- (NULL keeps it forever). The log stays append-only for everything else: a delete passes the
-- trigger only for rows of an organization whose purge has opened a gate, older than the gate's
-- cutoff, and the purge closes the gate in the same transaction. The audit chain is never purged.
ALTER TABLE org_protection ADD COLUMN retain_read_log_years INTEGER;
CREATE TABLE read_log_purge_gate (
    org_id INTEGER PRIMARY KEY,
    cutoff TEXT NOT NULL
);
DROP TRIGGER read_log_no_delete;
CREATE TRIGGER read_log_no_delete BEFORE DELETE ON read_log
WHEN NOT EXISTS (SELECT 1 FROM read_log_purge_gate g WHERE g.org_id = OLD.org_id AND OLD.at < g.cutoff)
BEGIN SELECT RAISE(ABORT, 'read log is append-only'); END;
