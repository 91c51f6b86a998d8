-- Read-log retention: the log of who read which sensitive record may be purged after N years
-- (NULL keeps it forever). The log stays append-only for everything else: a delete passes the
-- trigger only for rows of an organization whose purge has opened a gate, older than the gate's
-- cutoff, and the purge closes the gate in the same transaction. The audit chain is never purged.
ALTER TABLE org_protection ADD COLUMN retain_read_log_years BIGINT;
CREATE TABLE read_log_purge_gate (
    org_id BIGINT PRIMARY KEY,
    cutoff TEXT NOT NULL
);
CREATE FUNCTION read_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM read_log_purge_gate g WHERE g.org_id = OLD.org_id AND OLD.at < g.cutoff) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'read log is append-only';
END $$;
DROP TRIGGER read_log_no_change ON read_log;
CREATE TRIGGER read_log_no_change BEFORE UPDATE OR DELETE ON read_log FOR EACH ROW EXECUTE FUNCTION read_log_guard();
