//! Append-only, hash-chained audit log. Each organization has its own chain; an entry's hash
//! covers the previous hash and every field, so editing or deleting any row breaks `verify`.

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::{now, Actor, Store, StoreResult};

/// Offset of the advisory-lock keys used for audit chains (one key per organization).
const AUDIT_LOCK_BASE: i64 = 0x5e4d_0000_0000;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub org_id: i64,
    pub seq: i64,
    pub at: String,
    pub actor_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

#[allow(clippy::too_many_arguments)]
pub fn entry_hash(prev: &str, org_id: i64, seq: i64, at: &str, actor: Option<i64>, action: &str, entity: &str, entity_id: Option<i64>, detail: &str) -> String {
    let mut h = Sha256::new();
    // Length-prefixed fields so that no two different entries serialise the same way.
    for part in [
        prev,
        &org_id.to_string(),
        &seq.to_string(),
        at,
        &actor.map(|a| a.to_string()).unwrap_or_default(),
        action,
        entity,
        &entity_id.map(|a| a.to_string()).unwrap_or_default(),
        detail,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Append within the caller's transaction, so the entry commits with the change it records.
pub(crate) async fn append(
    store: &Store,
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    actor: Actor,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: serde_json::Value,
) -> StoreResult<()> {
    let detail = detail.to_string();
    // Serialise appends to one organization's chain across every node: PostgreSQL takes a
    // transaction-scoped advisory lock; SQLite is already single-writer (the store's write lock).
    // The head row (`audit_heads`) follows the log by trigger, so an append writes one row.
    if store.dialect() == crate::Dialect::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(AUDIT_LOCK_BASE + actor.org_id).execute(&mut **tx).await?;
    }
    let last =
        sqlx::query(store.q("SELECT seq, hash FROM audit_log WHERE org_id = ? ORDER BY seq DESC LIMIT 1")).bind(actor.org_id).fetch_optional(&mut **tx).await?;
    let (seq, prev): (i64, String) = match last {
        Some(row) => (row.try_get::<i64, _>("seq")? + 1, row.try_get("hash")?),
        None => (1, GENESIS.to_owned()),
    };
    let at = now();
    let hash = entry_hash(&prev, actor.org_id, seq, &at, actor.user_id, action, entity, entity_id, &detail);
    sqlx::query(store.q("INSERT INTO audit_log (org_id, seq, at, actor_id, action, entity, entity_id, detail, prev_hash, hash) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    .bind(actor.org_id)
    .bind(seq)
    .bind(at)
    .bind(actor.user_id)
    .bind(action)
    .bind(entity)
    .bind(entity_id)
    .bind(detail)
    .bind(prev)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub entries: i64,
    pub broken: Vec<(i64, i64, &'static str)>,
}

fn entry_from_row(row: &sqlx::any::AnyRow) -> Result<AuditEntry, sqlx::Error> {
    Ok(AuditEntry {
        id: row.try_get("id")?,
        org_id: row.try_get("org_id")?,
        seq: row.try_get("seq")?,
        at: row.try_get("at")?,
        actor_id: row.try_get("actor_id")?,
        action: row.try_get("action")?,
        entity: row.try_get("entity")?,
        entity_id: row.try_get("entity_id")?,
        detail: row.try_get("detail")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

impl Store {
    /// Record a read of a sensitive record in the append-only read log. Reads are not chained:
    /// chaining made every profile view a serialised write (4–6× slower in bench/).
    pub async fn audit_read(&self, actor: Actor, entity: &str, entity_id: i64) -> StoreResult<()> {
        let _guard = match &self.write_lock {
            Some(lock) => Some(lock.lock().await),
            None => None,
        };
        sqlx::query(self.q("INSERT INTO read_log (org_id, at, actor_id, entity, entity_id) VALUES (?, ?, ?, ?, ?)"))
            .bind(actor.org_id)
            .bind(now())
            .bind(actor.user_id)
            .bind(entity)
            .bind(entity_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Who read a record, newest first: (when, user id).
    pub async fn reads_of(&self, org_id: i64, entity: &str, entity_id: i64) -> StoreResult<Vec<(String, Option<i64>)>> {
        let rows = sqlx::query(self.q("SELECT at, actor_id FROM read_log WHERE org_id = ? AND entity = ? AND entity_id = ? ORDER BY id DESC"))
            .bind(org_id)
            .bind(entity)
            .bind(entity_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get("at")?, r.try_get("actor_id")?))).collect()
    }

    /// Walk every chain and report each entry whose hash or link does not hold, plus chains
    /// whose head no longer matches their last entry (truncation).
    pub async fn audit_verify(&self) -> StoreResult<VerifyReport> {
        let rows = sqlx::query("SELECT * FROM audit_log ORDER BY org_id, seq").fetch_all(&self.pool).await?;
        let mut broken = Vec::new();
        let mut last: Option<(i64, i64, String)> = None;
        for row in &rows {
            let e = entry_from_row(row)?;
            let expected_prev = match &last {
                Some((org, seq, hash)) if *org == e.org_id => {
                    if e.seq != seq + 1 {
                        broken.push((e.org_id, e.seq, "gap"));
                    }
                    hash.clone()
                }
                _ => {
                    if e.seq != 1 {
                        broken.push((e.org_id, e.seq, "gap"));
                    }
                    GENESIS.to_owned()
                }
            };
            if e.prev_hash != expected_prev {
                broken.push((e.org_id, e.seq, "link"));
            }
            let recomputed = entry_hash(&e.prev_hash, e.org_id, e.seq, &e.at, e.actor_id, &e.action, &e.entity, e.entity_id, &e.detail);
            if recomputed != e.hash {
                broken.push((e.org_id, e.seq, "hash"));
            }
            last = Some((e.org_id, e.seq, e.hash));
        }
        let heads = sqlx::query("SELECT org_id, seq, hash FROM audit_heads").fetch_all(&self.pool).await?;
        for head in heads {
            let org: i64 = head.try_get("org_id")?;
            let seq: i64 = head.try_get("seq")?;
            let hash: String = head.try_get("hash")?;
            let tail = rows.iter().rev().find(|r| r.try_get::<i64, _>("org_id").ok() == Some(org));
            let matches =
                tail.is_some_and(|r| r.try_get::<i64, _>("seq").ok() == Some(seq) && r.try_get::<String, _>("hash").ok().as_deref() == Some(hash.as_str()));
            if !matches && seq > 0 {
                broken.push((org, seq, "head"));
            }
        }
        Ok(VerifyReport { entries: rows.len() as i64, broken })
    }

    /// Latest entries for an organization, newest first.
    pub async fn audit_recent(&self, org_id: i64, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        let rows =
            sqlx::query(self.q("SELECT * FROM audit_log WHERE org_id = ? ORDER BY seq DESC LIMIT ?")).bind(org_id).bind(limit).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(entry_from_row).collect::<Result<_, _>>()?)
    }
}
