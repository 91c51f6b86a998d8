//! The delivery side of the outbox: nodes lease due messages through the database, so any
//! number of workers on one PostgreSQL never hold the same message at once, and a worker that
//! dies mid-delivery loses its lease and the message is retried (at-least-once; the
//! idempotency key travels with the message so the receiving side can drop a repeat).

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use crate::outbox::{Message, MESSAGE_COLUMNS};
use crate::{format_time, Dialect, Store, StoreResult};

pub const STATUS_QUEUED: &str = "queued";
pub const STATUS_SENT: &str = "sent";
pub const STATUS_FAILED: &str = "failed";
pub const STATUS_OPTED_OUT: &str = "opted_out";

impl Store {
    /// Lease up to `limit` due messages for `owner` until `at + lease`. Each lease counts as an
    /// attempt, so a message whose worker keeps crashing still reaches its attempt limit.
    pub async fn lease_messages(&self, owner: &str, at: DateTime<Utc>, lease: Duration, limit: i64) -> StoreResult<Vec<Message>> {
        let lock = match self.dialect() {
            // Concurrent nodes skip rows another node is leasing instead of waiting on them.
            Dialect::Postgres => "FOR UPDATE SKIP LOCKED",
            // SQLite has one writer at a time: the UPDATE itself is the serialisation point.
            Dialect::Sqlite => "",
        };
        let sql = crate::render_sql(
            self.dialect(),
            &format!(
                "UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id IN (\
                   SELECT id FROM outbox WHERE status = 'queued' AND not_before <= ? AND (lease_until IS NULL OR lease_until < ?) \
                   ORDER BY not_before, id LIMIT ? {lock}) \
                 RETURNING {MESSAGE_COLUMNS}"
            ),
        );
        let now = format_time(at);
        let w = self.begin_write().await?;
        let mut w = w;
        let rows = sqlx::query(&sql).bind(owner).bind(format_time(at + lease)).bind(&now).bind(&now).bind(limit).fetch_all(&mut *w.tx).await?;
        w.commit().await?;
        let mut out: Vec<Message> = rows.iter().map(|r| self.message_from_row(r)).collect::<StoreResult<_>>()?;
        out.sort_by_key(|m| m.id);
        Ok(out)
    }

    /// Record a delivery (the sending node stays in `lease_owner`). Only the lease holder may: a worker whose lease expired and was taken
    /// over does not overwrite the new holder's outcome.
    pub async fn mark_sent(&self, id: i64, owner: &str, provider_id: Option<&str>) -> StoreResult<bool> {
        let mut w = self.begin_write().await?;
        let n = sqlx::query(self.q("UPDATE outbox SET status = 'sent', sent_at = ?, provider_id = ?, last_error = NULL, lease_until = NULL \
             WHERE id = ? AND lease_owner = ? AND status = 'queued'"))
        .bind(crate::now())
        .bind(provider_id)
        .bind(id)
        .bind(owner)
        .execute(&mut *w.tx)
        .await?
        .rows_affected();
        w.commit().await?;
        Ok(n == 1)
    }

    /// A failed attempt: retry at `retry_at`, or give up (`None`) with status `failed`.
    pub async fn mark_failed(&self, id: i64, owner: &str, error: &str, retry_at: Option<DateTime<Utc>>) -> StoreResult<()> {
        let error: String = error.chars().take(500).collect();
        let mut w = self.begin_write().await?;
        match retry_at {
            Some(t) => {
                sqlx::query(self.q(
                    "UPDATE outbox SET last_error = ?, not_before = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'queued'",
                ))
                .bind(error)
                .bind(format_time(t))
                .bind(id)
                .bind(owner)
                .execute(&mut *w.tx)
                .await?;
            }
            None => {
                sqlx::query(self.q(
                    "UPDATE outbox SET status = 'failed', last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'queued'",
                ))
                .bind(error)
                .bind(id)
                .bind(owner)
                .execute(&mut *w.tx)
                .await?;
            }
        }
        w.commit().await
    }

    /// The client opted out after the message was queued: it is kept, marked, and not sent.
    pub async fn mark_opted_out(&self, id: i64, owner: &str) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        sqlx::query(
            self.q("UPDATE outbox SET status = 'opted_out', lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'queued'"),
        )
        .bind(id)
        .bind(owner)
        .execute(&mut *w.tx)
        .await?;
        w.commit().await
    }

    /// Count of messages per status (all organizations), for the worker's metrics and tests.
    pub async fn outbox_counts(&self) -> StoreResult<Vec<(String, i64)>> {
        let rows = sqlx::query("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status ORDER BY status").fetch_all(self.pool()).await?;
        rows.iter().map(|r| Ok((r.try_get("status")?, r.try_get("n")?))).collect()
    }
}
