//! Field-encryption key rotation: re-encrypt every encrypted column under the keyring's current
//! key, in batches, resumably (rows already under the current key are skipped), audited with
//! counts per organization and never with content.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::json;
use sqlx::Row;

use crate::audit::append;
use crate::crypto::FieldCipher;
use crate::{Actor, Store, StoreResult};

/// A table whose columns hold [`FieldCipher`] ciphertexts.
#[derive(Debug, Clone, Copy)]
pub struct EncryptedColumns {
    pub table: &'static str,
    /// Integer primary key (batches walk it in order).
    pub id: &'static str,
    /// Organization column, so each organization's audit chain records its share.
    pub org: &'static str,
    pub columns: &'static [&'static str],
}

/// Every encrypted column in the database. A feature that encrypts a column appends it here:
/// key rotation, the plaintext-leak test and the backup test all walk this list.
pub const ENCRYPTED_COLUMNS: &[EncryptedColumns] = &[
    EncryptedColumns { table: "clients", id: "id", org: "org_id", columns: &["a_number_enc"] },
    EncryptedColumns { table: "notes", id: "id", org: "org_id", columns: &["body_enc"] },
    EncryptedColumns { table: "outbox", id: "id", org: "org_id", columns: &["subject", "body"] },
    EncryptedColumns { table: "user_totp", id: "user_id", org: "org_id", columns: &["secret_enc"] },
    EncryptedColumns { table: "transfers", id: "id", org: "org_id", columns: &["summary"] },
    EncryptedColumns { table: "events", id: "id", org: "org_id", columns: &["notes_enc"] },
    EncryptedColumns { table: "service_plans", id: "id", org: "org_id", columns: &["crisis_enc"] },
    EncryptedColumns { table: "service_plan_versions", id: "id", org: "org_id", columns: &["snapshot_enc"] },
    EncryptedColumns { table: "plan_goals", id: "id", org: "org_id", columns: &["goal_enc", "outcome_enc"] },
    EncryptedColumns { table: "goal_progress", id: "id", org: "org_id", columns: &["note_enc"] },
    EncryptedColumns { table: "service_log", id: "id", org: "org_id", columns: &["note_enc"] },
    EncryptedColumns { table: "referrals", id: "id", org: "org_id", columns: &["shared_enc"] },
    EncryptedColumns { table: "intake_candidates", id: "id", org: "org_id", columns: &["contact_enc"] },
    EncryptedColumns { table: "network_messages", id: "id", org: "org_id", columns: &["body_enc"] },
    EncryptedColumns { table: "guardians", id: "id", org: "org_id", columns: &["motivation_enc"] },
    EncryptedColumns { table: "background_checks", id: "id", org: "requested_by_org", columns: &["report_enc"] },
];

/// How many values each key holds, per table and column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyUsage {
    /// (table, column) → key id → values.
    pub by_column: BTreeMap<(String, String), BTreeMap<u32, i64>>,
}

impl KeyUsage {
    /// Values not under `key_id`.
    pub fn outside(&self, key_id: u32) -> i64 {
        self.by_column.values().flat_map(|m| m.iter()).filter(|(k, _)| **k != key_id).map(|(_, n)| n).sum()
    }
}

#[derive(Debug, Clone, Default)]
pub struct RotationReport {
    pub rewritten: i64,
    pub batches: i64,
    /// True when every value is under the current key.
    pub finished: bool,
}

impl Store {
    /// The same database seen through another keyring (key rotation, tests).
    pub fn with_cipher(&self, cipher: FieldCipher) -> Store {
        Store { cipher: Arc::new(cipher), ..self.clone() }
    }

    /// Count the values under each key id.
    pub async fn key_usage(&self) -> StoreResult<KeyUsage> {
        let mut usage = KeyUsage::default();
        for spec in ENCRYPTED_COLUMNS {
            for column in spec.columns {
                // Prefixes are short ("v1:", "k12:"), so the first 12 characters name the key.
                let sql = format!("SELECT SUBSTR({column}, 1, 12) AS head FROM {} WHERE {column} IS NOT NULL", spec.table);
                let rows = sqlx::query(&sql).fetch_all(self.pool()).await?;
                let counts = usage.by_column.entry((spec.table.to_owned(), (*column).to_owned())).or_default();
                for r in rows {
                    let head: String = r.try_get("head")?;
                    // u32::MAX stands for "not a ciphertext of ours" (it never matches a key).
                    *counts.entry(FieldCipher::key_id_of(&head).unwrap_or(u32::MAX)).or_default() += 1;
                }
            }
        }
        Ok(usage)
    }

    /// Re-encrypt every value not under the current key, `batch` rows per transaction. Stops
    /// after `max_batches` if given (the next run resumes where this one stopped).
    pub async fn rotate_keys(&self, batch: i64, max_batches: Option<i64>) -> StoreResult<RotationReport> {
        let prefix = format!("{}%", self.cipher().current_prefix());
        let mut report = RotationReport::default();
        for spec in ENCRYPTED_COLUMNS {
            for column in spec.columns {
                let select = self.render_owned(&format!(
                    "SELECT {id} AS id, {org} AS org_id, {column} AS value FROM {t} \
                     WHERE {column} IS NOT NULL AND {column} NOT LIKE ? AND {id} > ? ORDER BY {id} LIMIT ?",
                    id = spec.id,
                    org = spec.org,
                    t = spec.table
                ));
                let update = self.render_owned(&format!("UPDATE {t} SET {column} = ? WHERE {id} = ? AND {column} = ?", t = spec.table, id = spec.id));
                let mut after = i64::MIN;
                loop {
                    if max_batches.is_some_and(|m| report.batches >= m) {
                        return Ok(report);
                    }
                    let rows = sqlx::query(&select).bind(prefix.clone()).bind(after).bind(batch).fetch_all(self.pool()).await?;
                    if rows.is_empty() {
                        break;
                    }
                    let mut w = self.begin_write().await?;
                    let mut per_org: BTreeMap<i64, i64> = BTreeMap::new();
                    for r in &rows {
                        let (id, org, value): (i64, i64, String) = (r.try_get("id")?, r.try_get("org_id")?, r.try_get("value")?);
                        after = id;
                        let plain = self.cipher().decrypt(&value).map_err(|e| anyhow::anyhow!("{}.{column} row {id}: {e}", spec.table))?;
                        // A row edited since the read keeps its new value (already under the current key).
                        let changed = sqlx::query(&update).bind(self.cipher().encrypt(&plain)).bind(id).bind(value).execute(&mut *w.tx).await?.rows_affected();
                        *per_org.entry(org).or_default() += changed as i64;
                        report.rewritten += changed as i64;
                    }
                    for (org, n) in per_org {
                        let detail = json!({ "table": spec.table, "column": column, "rows": n, "key_id": self.cipher().current_key_id() });
                        append(self, &mut w.tx, Actor { user_id: None, org_id: org }, "keys.rotate", "encryption_key", None, detail).await?;
                    }
                    w.commit().await?;
                    report.batches += 1;
                }
            }
        }
        report.finished = true;
        Ok(report)
    }

    /// Render a query built at run time (table and column names from [`ENCRYPTED_COLUMNS`]).
    pub(crate) fn render_owned(&self, portable: &str) -> String {
        crate::render_sql(self.dialect(), portable)
    }
}
