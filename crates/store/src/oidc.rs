//! Single sign-on through OpenID Connect (issue 10): which account an identity at the provider
//! signs in to, and the sign-ins under way at the provider.
//!
//! SSO never creates accounts (roles are given by administrators). The first sign-in links the
//! active, not yet linked account whose email equals the provider's *verified* email; from then
//! on only (issuer, subject) is matched, so an email changed at the provider cannot reach
//! another account.

use serde_json::json;
use sqlx::Row;

use crate::audit::append;
use crate::users::{sha256_hex, User};
use crate::{format_time, now, Actor, Store, StoreResult};

/// How long a sign-in may stay at the provider (login, consent) before it must start again.
pub const FLOW_MINUTES: i64 = 10;

/// What the browser carried to the provider, kept here and given back once on its return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcFlow {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next: String,
}

/// Why an identity signs in to no account. Deliberately coarse: the sign-in page says no more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoRefusal {
    /// Not linked yet and the provider has not verified the email: nothing can be linked.
    EmailUnverified,
    /// No active account for this identity (unknown, disabled, or the email's account is
    /// already linked to another identity).
    NoAccount,
}

/// A successful SSO sign-in.
#[derive(Debug, Clone)]
pub struct SsoSignIn {
    pub user: User,
    /// This sign-in linked the account to the identity.
    pub linked: bool,
}

impl Store {
    /// Keep a sign-in's state, nonce and PKCE verifier; returns the random value for the
    /// browser's cookie (only its hash is stored).
    pub async fn start_oidc_flow(&self, flow: &OidcFlow) -> StoreResult<String> {
        let token = hex::encode(rand::random::<[u8; 32]>());
        let expires = format_time(chrono::Utc::now() + chrono::Duration::minutes(FLOW_MINUTES));
        sqlx::query(self.q("DELETE FROM oidc_flows WHERE expires_at < ?")).bind(now()).execute(self.pool()).await?;
        sqlx::query(self.q("INSERT INTO oidc_flows (token_hash, state, nonce, pkce_verifier, next, expires_at) VALUES (?, ?, ?, ?, ?, ?)"))
            .bind(sha256_hex(&token))
            .bind(&flow.state)
            .bind(&flow.nonce)
            .bind(&flow.pkce_verifier)
            .bind(&flow.next)
            .bind(expires)
            .execute(self.pool())
            .await?;
        Ok(token)
    }

    /// Take the live sign-in of this browser: deleted as it is read, so a replayed callback
    /// finds nothing.
    pub async fn take_oidc_flow(&self, token: &str) -> StoreResult<Option<OidcFlow>> {
        let row = sqlx::query(self.q("DELETE FROM oidc_flows WHERE token_hash = ? RETURNING state, nonce, pkce_verifier, next, expires_at"))
            .bind(sha256_hex(token))
            .fetch_optional(self.pool())
            .await?;
        let Some(r) = row else { return Ok(None) };
        let expires: String = r.try_get("expires_at")?;
        if expires.as_str() <= now().as_str() {
            return Ok(None);
        }
        Ok(Some(OidcFlow { state: r.try_get("state")?, nonce: r.try_get("nonce")?, pkce_verifier: r.try_get("pkce_verifier")?, next: r.try_get("next")? }))
    }

    /// The account an identity verified by the provider signs in to, linking it on first use.
    /// Successful sign-ins and links are audited.
    pub async fn sso_sign_in(&self, issuer: &str, subject: &str, email: Option<&str>, email_verified: bool) -> StoreResult<Result<SsoSignIn, SsoRefusal>> {
        let linked = sqlx::query(self.q("SELECT * FROM users WHERE oidc_issuer = ? AND oidc_subject = ?"))
            .bind(issuer)
            .bind(subject)
            .fetch_optional(self.pool())
            .await?;
        if let Some(row) = linked {
            let user = crate::users::user_from_row(&row)?;
            if !user.active {
                return Ok(Err(SsoRefusal::NoAccount));
            }
            let mut w = self.begin_write().await?;
            let actor = Actor { user_id: Some(user.id), org_id: user.org_id };
            append(self, &mut w.tx, actor, "sign_in", "user", Some(user.id), json!({"via": "oidc", "issuer": issuer})).await?;
            w.commit().await?;
            return Ok(Ok(SsoSignIn { user, linked: false }));
        }
        // Not linked yet: only a verified email may link, checked before any lookup so the
        // answer says nothing about which accounts exist.
        let Some(email) = email.map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty() && email_verified) else {
            return Ok(Err(SsoRefusal::EmailUnverified));
        };
        let mut w = self.begin_write().await?;
        // `oidc_subject IS NULL`: an account linked to another identity is never re-linked.
        let row = sqlx::query(self.q("UPDATE users SET oidc_issuer = ?, oidc_subject = ?, version = version + 1 \
             WHERE email = ? AND active = 1 AND oidc_subject IS NULL RETURNING *"))
        .bind(issuer)
        .bind(subject)
        .bind(&email)
        .fetch_optional(&mut *w.tx)
        .await;
        let row = match row {
            Ok(Some(row)) => row,
            Ok(None) => return Ok(Err(SsoRefusal::NoAccount)),
            // Another request linked this identity a moment ago (unique (issuer, subject)).
            Err(sqlx::Error::Database(d)) if d.message().to_lowercase().contains("unique") => return Ok(Err(SsoRefusal::NoAccount)),
            Err(e) => return Err(e.into()),
        };
        let user = crate::users::user_from_row(&row)?;
        let actor = Actor { user_id: Some(user.id), org_id: user.org_id };
        append(self, &mut w.tx, actor, "link_sso", "user", Some(user.id), json!({"issuer": issuer, "subject": subject})).await?;
        append(self, &mut w.tx, actor, "sign_in", "user", Some(user.id), json!({"via": "oidc", "issuer": issuer})).await?;
        w.commit().await?;
        Ok(Ok(SsoSignIn { user, linked: true }))
    }

    /// The identity an account is linked to, if any: (issuer, subject).
    pub async fn sso_link(&self, user_id: i64) -> StoreResult<Option<(String, String)>> {
        let row = sqlx::query(self.q("SELECT oidc_issuer, oidc_subject FROM users WHERE id = ? AND oidc_subject IS NOT NULL"))
            .bind(user_id)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(r) => Some((r.try_get("oidc_issuer")?, r.try_get("oidc_subject")?)),
            None => None,
        })
    }
}
