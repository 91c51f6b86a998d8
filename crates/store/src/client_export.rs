//! A client's complete record, for their own copy (a subject-access request): every section is
//! one query bound to (organization, client). A feature that stores data about a client appends
//! a section to [`CLIENT_EXPORT_SECTIONS`]; the page and the JSON follow.

use sqlx::any::AnyRow;
use sqlx::{Column, Row};

use crate::{Store, StoreResult};

pub struct ExportSection {
    /// Stable key (JSON) and Fluent key `export-section-<key>` (page heading).
    pub key: &'static str,
    /// Binds the organization id, then the client id.
    pub sql: &'static str,
    /// Encrypted columns, decrypted into a column named without the `_enc` suffix.
    pub encrypted: &'static [&'static str],
    /// Internal columns left out (search indexes, leases, keys).
    pub omit: &'static [&'static str],
}

pub const CLIENT_EXPORT_SECTIONS: &[ExportSection] = &[
    ExportSection { key: "client", sql: "SELECT * FROM clients WHERE org_id = ? AND id = ?", encrypted: &["a_number_enc"], omit: &["search_text", "version"] },
    ExportSection { key: "contacts", sql: "SELECT * FROM contacts WHERE org_id = ? AND client_id = ? ORDER BY id", encrypted: &[], omit: &[] },
    ExportSection {
        key: "household",
        sql: "SELECT h.* FROM households h JOIN clients c ON c.household_id = h.id WHERE c.org_id = ? AND c.id = ?",
        encrypted: &[],
        omit: &["version"],
    },
    ExportSection { key: "cases", sql: "SELECT * FROM cases WHERE org_id = ? AND client_id = ? ORDER BY id", encrypted: &[], omit: &["version"] },
    ExportSection {
        key: "notes",
        sql: "SELECT n.* FROM notes n JOIN cases k ON k.id = n.case_id WHERE n.org_id = ? AND k.client_id = ? ORDER BY n.id",
        encrypted: &["body_enc"],
        omit: &[],
    },
    ExportSection { key: "assessments", sql: "SELECT * FROM assessments WHERE org_id = ? AND client_id = ? ORDER BY id", encrypted: &[], omit: &["version"] },
    ExportSection { key: "tasks", sql: "SELECT * FROM tasks WHERE org_id = ? AND client_id = ? ORDER BY id", encrypted: &[], omit: &["version", "source"] },
    ExportSection {
        key: "messages",
        sql: "SELECT * FROM outbox WHERE org_id = ? AND client_id = ? ORDER BY id",
        encrypted: &["subject", "body"],
        omit: &["idempotency_key", "lease_owner", "lease_until", "provider_id"],
    },
    ExportSection { key: "events", sql: "SELECT * FROM events WHERE org_id = ? AND client_id = ? ORDER BY starts_at", encrypted: &["notes_enc"], omit: &["version"] },
    ExportSection {
        key: "consents",
        sql: "SELECT id, purpose, recipient_org_id, scopes, starts_on, ends_on, method, witness, language, recorded_at, revoked_at, revoke_reason FROM consents WHERE org_id = ? AND client_id = ? ORDER BY id",
        encrypted: &[],
        omit: &[],
    },
    ExportSection {
        key: "transfers",
        sql: "SELECT id, to_org_id, summary, status, reason, created_at, answered_at FROM transfers WHERE org_id = ? AND client_id = ? ORDER BY id",
        encrypted: &["summary"],
        omit: &[],
    },
];

/// One section of the export: rows of (column, value) in column order.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportedSection {
    pub key: &'static str,
    pub rows: Vec<Vec<(String, serde_json::Value)>>,
}

fn value_of(store: &Store, row: &AnyRow, i: usize, encrypted: bool) -> StoreResult<serde_json::Value> {
    if let Ok(v) = row.try_get::<Option<String>, _>(i) {
        return Ok(match v {
            Some(s) if encrypted => serde_json::Value::String(store.cipher().decrypt(&s)?),
            Some(s) => serde_json::Value::String(s),
            None => serde_json::Value::Null,
        });
    }
    Ok(row.try_get::<Option<i64>, _>(i)?.map(serde_json::Value::from).unwrap_or(serde_json::Value::Null))
}

impl Store {
    /// Every section of the client's record (the caller checks the client belongs to `org_id`
    /// and logs the read).
    pub async fn client_export(&self, org_id: i64, client_id: i64) -> StoreResult<Vec<ExportedSection>> {
        let mut out = Vec::with_capacity(CLIENT_EXPORT_SECTIONS.len());
        for section in CLIENT_EXPORT_SECTIONS {
            let rows = sqlx::query(&self.render_owned(section.sql)).bind(org_id).bind(client_id).fetch_all(self.pool()).await?;
            let mut exported = Vec::with_capacity(rows.len());
            for row in &rows {
                let mut fields = Vec::new();
                for (i, column) in row.columns().iter().enumerate() {
                    let name = column.name();
                    if section.omit.contains(&name) {
                        continue;
                    }
                    let encrypted = section.encrypted.contains(&name);
                    let shown = if encrypted { name.strip_suffix("_enc").unwrap_or(name) } else { name };
                    fields.push((shown.to_owned(), value_of(self, row, i, encrypted)?));
                }
                exported.push(fields);
            }
            out.push(ExportedSection { key: section.key, rows: exported });
        }
        Ok(out)
    }
}
