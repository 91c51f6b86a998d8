-- Scale: the audit chain head follows the log by trigger (appends no longer update a row
-- per entry), reads of sensitive records go to their own append-only log, and cases have an
-- index for the default list order.
CREATE TRIGGER audit_head_follows AFTER INSERT ON audit_log BEGIN
    INSERT INTO audit_heads (org_id, seq, hash) VALUES (NEW.org_id, NEW.seq, NEW.hash)
    ON CONFLICT (org_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
END;

CREATE TABLE read_log (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor_id INTEGER,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL
);
CREATE INDEX read_log_entity ON read_log(org_id, entity, entity_id);
CREATE TRIGGER read_log_no_update BEFORE UPDATE ON read_log BEGIN SELECT RAISE(ABORT, 'read log is append-only'); END;
CREATE TRIGGER read_log_no_delete BEFORE DELETE ON read_log BEGIN SELECT RAISE(ABORT, 'read log is append-only'); END;

CREATE INDEX cases_org_updated ON cases(org_id, updated_at DESC, id DESC);
CREATE INDEX cases_org_opened ON cases(org_id, opened_at DESC, id DESC);
