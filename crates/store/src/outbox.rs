//! The outbox: every message Sendero sends (reminders, ride confirmations, notices to staff)
//! is written here first, in the same transaction as the change that caused it, and delivered
//! later by the worker. The `idempotency_key` makes enqueueing safe to repeat and lets the
//! delivery side deduplicate.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::audit::append;
use crate::{format_time, now, Actor, Store, StoreError, StoreResult};

pub const CHANNEL_EMAIL: &str = "email";
pub const CHANNEL_SMS: &str = "sms";

/// A message to send. `purpose` is a short code (`hearing_reminder`, `ride_offer`, …).
#[derive(Debug, Clone)]
pub struct NewMessage<'a> {
    pub channel: &'a str,
    pub recipient: &'a str,
    pub client_id: Option<i64>,
    pub user_id: Option<i64>,
    pub purpose: &'a str,
    pub language: &'a str,
    pub subject: Option<&'a str>,
    pub body: &'a str,
    /// Unique per organization: the same key enqueues once.
    pub idempotency_key: String,
    /// Not sent before this time (UTC); `None`: now.
    pub not_before: Option<chrono::DateTime<chrono::Utc>>,
}

/// A stored message, with subject and body decrypted.
#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub id: i64,
    pub org_id: i64,
    pub channel: String,
    pub recipient: String,
    pub client_id: Option<i64>,
    pub user_id: Option<i64>,
    pub purpose: String,
    pub language: String,
    pub subject: Option<String>,
    pub body: String,
    pub idempotency_key: String,
    pub status: String,
    pub attempts: i64,
    pub not_before: String,
    pub last_error: Option<String>,
    pub sent_at: Option<String>,
    pub created_at: String,
}

pub const MESSAGE_COLUMNS: &str =
    "id, org_id, channel, recipient, client_id, user_id, purpose, language, subject, body, idempotency_key, status, attempts, not_before, last_error, sent_at, created_at";

impl Store {
    pub fn message_from_row(&self, r: &AnyRow) -> StoreResult<Message> {
        let subject: Option<String> = r.try_get("subject")?;
        let body: String = r.try_get("body")?;
        Ok(Message {
            id: r.try_get("id")?,
            org_id: r.try_get("org_id")?,
            channel: r.try_get("channel")?,
            recipient: r.try_get("recipient")?,
            client_id: r.try_get("client_id")?,
            user_id: r.try_get("user_id")?,
            purpose: r.try_get("purpose")?,
            language: r.try_get("language")?,
            subject: subject.map(|s| self.cipher().decrypt(&s)).transpose()?,
            body: self.cipher().decrypt(&body)?,
            idempotency_key: r.try_get("idempotency_key")?,
            status: r.try_get("status")?,
            attempts: r.try_get("attempts")?,
            not_before: r.try_get("not_before")?,
            last_error: r.try_get("last_error")?,
            sent_at: r.try_get("sent_at")?,
            created_at: r.try_get("created_at")?,
        })
    }

    /// Enqueue in its own transaction. `None`: a message with this key was already queued.
    pub async fn enqueue_message(&self, actor: Actor, message: &NewMessage<'_>) -> StoreResult<Option<i64>> {
        let mut w = self.begin_write().await?;
        let id = self.enqueue_message_tx(&mut w.tx, actor, message).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Enqueue inside the caller's transaction, so a message exists if and only if its cause does.
    pub async fn enqueue_message_tx(&self, tx: &mut Transaction<'static, Any>, actor: Actor, m: &NewMessage<'_>) -> StoreResult<Option<i64>> {
        if m.recipient.trim().is_empty() || m.body.trim().is_empty() {
            return Err(StoreError::Refused("message-needs-recipient"));
        }
        if m.channel != CHANNEL_EMAIL && m.channel != CHANNEL_SMS {
            return Err(StoreError::Refused("message-bad-channel"));
        }
        let not_before = m.not_before.map(format_time).unwrap_or_else(now);
        let row = sqlx::query(self.q(
            "INSERT INTO outbox (org_id, channel, recipient, client_id, user_id, purpose, language, subject, body, idempotency_key, status, attempts, not_before, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING id",
        ))
        .bind(actor.org_id)
        .bind(m.channel)
        .bind(m.recipient.trim())
        .bind(m.client_id)
        .bind(m.user_id)
        .bind(m.purpose)
        .bind(m.language)
        .bind(m.subject.map(|s| self.cipher().encrypt(s)))
        .bind(self.cipher().encrypt(m.body))
        .bind(m.idempotency_key.clone())
        .bind(not_before)
        .bind(now())
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get("id")?;
        // The audit entry names the message, not its content (which is encrypted).
        let detail = serde_json::json!({"channel": m.channel, "purpose": m.purpose, "client_id": m.client_id, "user_id": m.user_id, "key": m.idempotency_key});
        append(self, tx, actor, "enqueue", "message", Some(id), detail).await?;
        Ok(Some(id))
    }

    /// Messages to or about one client, newest first.
    pub async fn client_messages(&self, org_id: i64, client_id: i64, limit: i64) -> StoreResult<Vec<Message>> {
        let sql =
            crate::render_sql(self.dialect(), &format!("SELECT {MESSAGE_COLUMNS} FROM outbox WHERE org_id = ? AND client_id = ? ORDER BY id DESC LIMIT ?"));
        let rows = sqlx::query(&sql).bind(org_id).bind(client_id).bind(limit).fetch_all(self.pool()).await?;
        rows.iter().map(|r| self.message_from_row(r)).collect()
    }

    /// One organization's outbox, newest first, optionally of one status.
    pub async fn outbox_messages(&self, org_id: i64, status: Option<&str>, before_id: Option<i64>, limit: i64) -> StoreResult<Vec<Message>> {
        let sql = crate::render_sql(
            self.dialect(),
            &format!("SELECT {MESSAGE_COLUMNS} FROM outbox WHERE org_id = ? AND (? IS NULL OR status = ?) AND id < ? ORDER BY id DESC LIMIT ?"),
        );
        let rows = sqlx::query(&sql).bind(org_id).bind(status).bind(status).bind(before_id.unwrap_or(i64::MAX)).bind(limit).fetch_all(self.pool()).await?;
        rows.iter().map(|r| self.message_from_row(r)).collect()
    }
}
