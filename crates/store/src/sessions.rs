//! Reviewing and ending one's own sessions: each session records the address and browser it
//! signed in from and when it was last seen. A session is named on pages by the start of its
//! token hash (the token itself is never stored).

use serde_json::json;
use sqlx::Row;

use crate::audit::append;
use crate::users::sha256_hex;
use crate::{now, Actor, Store, StoreResult};

/// Characters of the token hash that name a session on the account page.
const HANDLE_LEN: usize = 16;
/// Longest user-agent string kept.
const MAX_USER_AGENT: usize = 300;

#[derive(Debug, Clone, serde::Serialize)]
pub struct SessionInfo {
    pub handle: String,
    pub created_at: String,
    pub last_seen_at: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The session this list was asked for from.
    pub current: bool,
}

impl Store {
    /// Remember where a new session signed in from.
    pub async fn record_session_origin(&self, token: &str, ip: &str, user_agent: &str) -> StoreResult<()> {
        let agent: String = user_agent.chars().take(MAX_USER_AGENT).collect();
        sqlx::query(self.q("UPDATE sessions SET ip = ?, user_agent = ?, last_seen_at = ? WHERE token_hash = ?"))
            .bind(ip.chars().take(64).collect::<String>())
            .bind(agent)
            .bind(now())
            .bind(sha256_hex(token))
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Note that a session was used (callers throttle this; see the web layer).
    pub async fn touch_session(&self, token: &str) -> StoreResult<()> {
        sqlx::query(self.q("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")).bind(now()).bind(sha256_hex(token)).execute(self.pool()).await?;
        Ok(())
    }

    /// The user's live sessions, most recently seen first.
    pub async fn user_sessions(&self, user_id: i64, current_token: Option<&str>) -> StoreResult<Vec<SessionInfo>> {
        let current = current_token.map(sha256_hex);
        let rows = sqlx::query(self.q("SELECT token_hash, created_at, last_seen_at, ip, user_agent FROM sessions \
             WHERE user_id = ? AND expires_at > ? ORDER BY COALESCE(last_seen_at, created_at) DESC, token_hash"))
        .bind(user_id)
        .bind(now())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let hash: String = r.try_get("token_hash")?;
                Ok(SessionInfo {
                    current: current.as_deref() == Some(hash.as_str()),
                    handle: hash[..HANDLE_LEN].to_owned(),
                    created_at: r.try_get("created_at")?,
                    last_seen_at: r.try_get("last_seen_at")?,
                    ip: r.try_get("ip")?,
                    user_agent: r.try_get("user_agent")?,
                })
            })
            .collect()
    }

    /// End one of the user's own sessions by its handle; false if there is no such session.
    pub async fn end_session_by_handle(&self, actor: Actor, handle: &str) -> StoreResult<bool> {
        let user_id = actor.user_id.ok_or(crate::StoreError::Refused("error-forbidden"))?;
        if handle.len() != HANDLE_LEN || !handle.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(false);
        }
        let mut w = self.begin_write().await?;
        let ended = sqlx::query(self.q("DELETE FROM sessions WHERE user_id = ? AND SUBSTR(token_hash, 1, 16) = ?"))
            .bind(user_id)
            .bind(handle.to_ascii_lowercase())
            .execute(&mut *w.tx)
            .await?
            .rows_affected();
        if ended > 0 {
            append(self, &mut w.tx, actor, "session.end", "user", Some(user_id), json!({ "sessions": ended })).await?;
        }
        w.commit().await?;
        Ok(ended > 0)
    }

    /// End every session of the user except `keep_token`; returns how many ended.
    pub async fn end_other_sessions(&self, actor: Actor, keep_token: &str) -> StoreResult<u64> {
        let user_id = actor.user_id.ok_or(crate::StoreError::Refused("error-forbidden"))?;
        let mut w = self.begin_write().await?;
        let ended = sqlx::query(self.q("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?"))
            .bind(user_id)
            .bind(sha256_hex(keep_token))
            .execute(&mut *w.tx)
            .await?
            .rows_affected();
        append(self, &mut w.tx, actor, "session.end_others", "user", Some(user_id), json!({ "sessions": ended })).await?;
        w.commit().await?;
        Ok(ended)
    }
}
